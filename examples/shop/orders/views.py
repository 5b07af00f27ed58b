from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from orders.models import Order
from orders.serializers import OrderSerializer


class OrderViewSet(viewsets.ModelViewSet):
    """The signed-in customer's orders.

    Orders are placed and read here; they change state only through actions (``pay``)
    and the ``expire_orders`` command, so PUT, PATCH and DELETE are switched off.
    """

    queryset = Order.objects.prefetch_related("items__product")
    serializer_class = OrderSerializer
    http_method_names = ["get", "post", "head", "options"]
    filter_backends = [DjangoFilterBackend, filters.OrderingFilter]
    filterset_fields = ["status"]
    ordering_fields = ["created_at", "total_cents"]
    ordering = ["-created_at"]

    def get_queryset(self):
        return super().get_queryset().filter(customer=self.request.user)

    @action(detail=True, methods=["post"])
    def pay(self, request: Request, pk: str | None = None) -> Response:
        """Mark a pending order as paid (called by the payment provider's callback)."""
        order = self.get_object()
        try:
            order.mark_paid()
        except ValueError as error:
            return Response({"detail": str(error)}, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(order).data)
