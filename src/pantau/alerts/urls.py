from django.urls import path

from . import views, views_mention

urlpatterns = [
    path("opini/analisis/", views.analysis, name="opinion_analysis"),
    path("opini/analisis/sebutan/", views.mention_list, name="analysis_mentions"),
    path("opini/analisis/sebutan/<int:pk>/", views_mention.mention_detail, name="analysis_mention"),
    path("opini/analisis/sebutan/<int:pk>/sentimen/", views_mention.mention_sentiment, name="mention_sentiment"),
    path("opini/analisis/sebutan/<int:pk>/laporkan/", views_mention.mention_to_complaint,
         name="mention_to_complaint"),
    path("opini/peringatan/", views.alert_list, name="alert_list"),
    path("opini/peringatan/langganan/", views.subscription, name="alert_subscription"),
]
