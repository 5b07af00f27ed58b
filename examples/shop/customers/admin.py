from django.contrib import admin

from customers.models import CustomerProfile, Reminder


@admin.register(CustomerProfile)
class CustomerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "preferred_channel", "phone", "reminders_enabled"]
    list_filter = ["preferred_channel", "reminders_enabled"]
    search_fields = ["user__email", "phone"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["order", "channel", "sent_at"]
    list_filter = ["channel"]
    date_hierarchy = "sent_at"
