from rest_framework import serializers

from customers.models import CustomerProfile, Reminder


class CustomerProfileSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)

    class Meta:
        model = CustomerProfile
        fields = ["email", "phone", "preferred_channel", "reminders_enabled"]

    def validate(self, attrs: dict) -> dict:
        channel = attrs.get("preferred_channel", getattr(self.instance, "preferred_channel", None))
        phone = attrs.get("phone", getattr(self.instance, "phone", ""))
        if channel == CustomerProfile.Channel.SMS and not phone:
            raise serializers.ValidationError({"phone": "SMS reminders need a phone number."})
        return attrs


class ReminderSerializer(serializers.ModelSerializer):
    order = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Reminder
        fields = ["id", "order", "channel", "sent_at"]
