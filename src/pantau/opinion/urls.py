from django.urls import path

from . import views, views_mentions

urlpatterns = [
    path("opini/", views.home, name="opinion_home"),
    path("opini/topik/baru/", views.topic_form, name="topic_create"),
    path("opini/topik/<slug:slug>/ubah/", views.topic_form, name="topic_edit"),
    path("opini/bantuan-kueri/", views.query_help, name="opinion_query_help"),
    path("opini/sumber/", views_mentions.source_list, name="source_list"),
    path("opini/sumber/<int:pk>/", views_mentions.source_detail, name="source_detail"),
    path("opini/sumber/<int:pk>/ambil/", views_mentions.source_fetch, name="source_fetch"),
    path("opini/sebutan/", views_mentions.mention_list, name="mention_list"),
    path("opini/sebutan/<int:pk>/", views_mentions.mention_detail, name="mention_detail"),
]
