from rest_framework import generics

from customers.models import CustomerProfile, Reminder
from customers.serializers import CustomerProfileSerializer, ReminderSerializer


class MyProfileView(generics.RetrieveUpdateAPIView):
    """The signed-in customer's contact preferences, created on first access."""

    serializer_class = CustomerProfileSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> CustomerProfile:
        profile, _ = CustomerProfile.objects.get_or_create(user=self.request.user)
        return profile


class MyRemindersView(generics.ListAPIView):
    """The payment reminders the signed-in customer received, newest first."""

    serializer_class = ReminderSerializer
    queryset = Reminder.objects.select_related("order")

    def get_queryset(self):
        return super().get_queryset().filter(profile__user=self.request.user)
