from django.apps import AppConfig


class OpinionConfig(AppConfig):
    name = "pantau.opinion"

    def ready(self):
        from pantau.opinion import enrichers, sentiment

        # Sentiment and emotion of every new mention (issue 6), before it is stored.
        enrichers.register(sentiment.enrich)
