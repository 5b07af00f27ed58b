from django.urls import path

from customers import views

app_name = "customers"

urlpatterns = [
    path("me/", views.MyProfileView.as_view(), name="my-profile"),
    path("me/reminders/", views.MyRemindersView.as_view(), name="my-reminders"),
]
