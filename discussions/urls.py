from django.urls import path
from django.utils.translation import gettext_lazy as _

from discussions import views

app_name = "discussions"

urlpatterns = [
    path(_("discussions/"), views.category_list, name="category_list"),
    path(_("discussions/categories/<slug:slug>/"), views.category_detail, name="category"),
    path(_("discussions/new/"), views.thread_new, name="thread_new"),
    path(_("discussions/threads/<int:pk>/"), views.thread_detail, name="thread"),
    path(_("discussions/threads/<int:pk>/unread/"), views.thread_unread, name="thread_unread"),
    path(_("discussions/threads/<int:pk>/reply/"), views.reply, name="reply"),
    path(_("discussions/threads/<int:pk>/follow/"), views.follow, name="follow"),
    path(
        _("discussions/threads/<int:pk>/moderate/"), views.thread_moderate, name="thread_moderate"
    ),
    path(_("discussions/posts/<int:pk>/"), views.post_permalink, name="post"),
    path(_("discussions/posts/<int:pk>/edit/"), views.post_edit, name="post_edit"),
    path(_("discussions/posts/<int:pk>/flag/"), views.flag, name="post_flag"),
    path(_("discussions/posts/<int:pk>/moderate/"), views.post_moderate, name="post_moderate"),
    path(_("discussions/members/<str:handle>/"), views.member, name="member"),
    path(
        _("discussions/posts/<int:pk>/moderate/edit/"),
        views.post_moderator_edit,
        name="post_moderator_edit",
    ),
    path(_("discussions/moderation/"), views.moderation_queue, name="moderation_queue"),
    path(_("discussions/moderation/log/"), views.moderation_log, name="moderation_log"),
    path(_("discussions/unfollow/<str:token>/"), views.unfollow_email, name="unfollow_email"),
]
