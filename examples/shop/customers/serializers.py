from rest_framework import serializers

from customers.models import CustomerProfile, Reminder


class CustomerProfileSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)

    class Meta:
        model = CustomerProfile
        fields = ["email", "phone", "preferred_channel", "reminders_enabled"]


class ReminderSerializer(serializers.ModelSerializer):
    order = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Reminder
        fields = ["id", "order", "channel", "sent_at"]
