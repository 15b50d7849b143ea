from django.urls import path
from django.utils.translation import gettext_lazy as _

from submissions import views

app_name = "submissions"
urlpatterns = [
    path(_("share/"), views.submission_new, name="new"),
    path(_("share/mine/"), views.my_submissions, name="mine"),
    path(_("share/<int:pk>/"), views.submission_detail, name="detail"),
    path(_("share/<int:pk>/edit/"), views.submission_edit, name="edit"),
    path(_("share/<int:pk>/send/"), views.submission_send, name="send"),
    path(_("share/<int:pk>/resources/"), views.submission_resources, name="resources"),
    path(_("share/practice/<int:pk>/edit/"), views.practice_edit, name="practice_edit"),
    path(_("review/"), views.review_queue, name="review_queue"),
    path(_("review/<int:pk>/"), views.review_detail, name="review"),
    path(_("review/practice/<int:pk>/"), views.practice_history, name="practice_history"),
    path(_("review/practice/<int:pk>/release/"), views.release_draft, name="release_draft"),
    path(_("translations/"), views.translation_queue, name="translation_queue"),
    path(_("translations/<int:pk>/"), views.translate, name="translate"),
]
