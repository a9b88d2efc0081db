"""Public-opinion monitoring: topics with boolean queries, sources, their fetch runs, and mentions.

Part 2 (sentiment, emotion, spikes, post -> case) writes only the sentiment/emotion/complaint
fields of Mention; it needs no migration in these tables.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    RSS = "rss", _("RSS/Atom feed")
    NEWS_SEARCH = "news_search", _("News search feed")
    YOUTUBE = "youtube", _("YouTube")
    X = "x", _("X (Twitter)")
    MASTODON = "mastodon", _("Mastodon")
    FILE_IMPORT = "file_import", _("File import")
    LAPOR = "lapor", _("SP4N-LAPOR! reports")


class Source(models.Model):
    """Somewhere mentions come from: a feed, an API query, an import, or LAPOR! itself."""

    class Status(models.TextChoices):
        NEW = "new", _("Not yet run")
        OK = "ok", _("OK")
        ERROR = "error", _("Error")
        NOT_CONFIGURED = "not_configured", _("Not configured")
        PAUSED = "paused", _("Paused")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=SourceKind.choices)
    url = models.CharField(
        _("address"), max_length=2000, blank=True,
        help_text=_("Feed address, API base address or instance; empty for the default."),
    )
    config = models.JSONField(
        _("settings"), default=dict, blank=True,
        help_text=_("Kind-specific settings, e.g. query, hashtag, column mapping."),
    )
    # The NAME of an environment variable (or NAME_FILE) holding the secret: never the secret itself.
    credential_env = models.CharField(_("credential variable"), max_length=100, blank=True)
    interval_minutes = models.PositiveIntegerField(_("interval (minutes)"), default=60)
    cursor = models.JSONField(_("cursor"), default=dict, blank=True)
    active = models.BooleanField(_("active"), default=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # Earliest time the next request may be sent (interval, Retry-After, rate-limit reset).
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name


class TopicQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TopicQuerySet":
        """Topics this user may see: all for the koordinator; for an analis the topics without a
        visibility list plus those naming the user or one of the user's groups; none for others."""
        from pantau.agencies.roles import ANALIS, KOORDINATOR, role_of

        role = role_of(user)
        if role == KOORDINATOR:
            return self
        if role != ANALIS:
            return self.none()
        open_to_all = Q(visible_to_users__isnull=True) & Q(visible_to_groups__isnull=True)
        named = Q(visible_to_users=user) | Q(visible_to_groups__in=user.groups.all())
        return self.filter(open_to_all | named).distinct()


class Topic(models.Model):
    """A monitored topic (topik pantauan) with its boolean query (see opinion/query.py)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    query = models.TextField(_("query"))
    exclusions = models.TextField(
        _("exclusions"), blank=True,
        help_text=_("A query; mentions matching it are left out of the topic."),
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="topics", verbose_name=_("sources"))
    visible_to_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("visible to users"),
        help_text=_("Empty lists: every analyst sees the topic."),
    )
    visible_to_groups = models.ManyToManyField(
        "auth.Group", blank=True, related_name="+", verbose_name=_("visible to groups"),
    )
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class FetchRun(models.Model):
    """One collection run of one source: counts and the error, if any."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"), db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    fetched = models.PositiveIntegerField(_("fetched"), default=0)
    new = models.PositiveIntegerField(_("new"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("fetch run")
        verbose_name_plural = _("fetch runs")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"


class Cluster(models.Model):
    """A story: one article and its syndicated near-copies (MinHash of the first member)."""

    signature = models.BinaryField(help_text="MinHash hash values (uint32) of the first member")
    first_seen_at = models.DateTimeField(db_index=True)
    size = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("story cluster")
        verbose_name_plural = _("story clusters")

    def __str__(self) -> str:
        return f"story {self.pk} ({self.size})"


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class Emotion(models.TextChoices):
    ANGER = "anger", _("Anger")
    HAPPY = "happy", _("Happy")
    SADNESS = "sadness", _("Sadness")
    FEAR = "fear", _("Fear")
    LOVE = "love", _("Love")


class Language(models.TextChoices):
    INDONESIAN = "id", _("Indonesian")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other")


class MentionKind(models.TextChoices):
    NEWS = "news", _("News article")
    X = "x", _("X post")
    YOUTUBE = "youtube", _("YouTube video")
    MASTODON = "mastodon", _("Mastodon post")
    LAPOR = "lapor", _("LAPOR! report")
    OTHER = "other", _("Other")


class Mention(models.Model):
    """One article or post (sebutan), normalized from any source."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="mentions")
    kind = models.CharField(_("kind"), max_length=12, choices=MentionKind.choices)
    external_id = models.CharField(_("source's ID"), max_length=200, blank=True)
    url = models.CharField(_("address"), max_length=2000, blank=True)
    canonical_url = models.CharField(_("canonical address"), max_length=2000, blank=True)
    # sha1 of the canonical URL, else of kind + external ID, else of the content: one row per item.
    key = models.CharField(max_length=40, unique=True)
    content_hash = models.CharField(max_length=40, db_index=True)
    title = models.CharField(_("title"), max_length=1000, blank=True)
    text = models.TextField(_("text"), blank=True)
    author = models.CharField(_("author"), max_length=300, blank=True)
    site = models.CharField(_("site"), max_length=255, blank=True, db_index=True)
    published_at = models.DateTimeField(_("published"), db_index=True)
    fetched_at = models.DateTimeField(_("fetched"))
    likes = models.BigIntegerField(_("likes"), null=True, blank=True)
    shares = models.BigIntegerField(_("shares"), null=True, blank=True)
    comments = models.BigIntegerField(_("comments"), null=True, blank=True)
    views = models.BigIntegerField(_("views"), null=True, blank=True)
    reach = models.BigIntegerField(_("reach"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, blank=True)
    region = models.ForeignKey(
        "agencies.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions",
        verbose_name=_("regency/city"),
    )
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions",
    )
    is_duplicate = models.BooleanField(_("exact duplicate"), default=False)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="exact_copies",
    )
    topics = models.ManyToManyField(Topic, through="MentionTopic", related_name="mentions", blank=True)
    extra = models.JSONField(default=dict, blank=True, help_text="source-specific fields (hashtags, ...)")

    # Part 2 (issue 6) fills these; part 1 leaves them empty.
    # null = "not classified yet", distinct from any label: part 2's contract (issue 6).
    sentiment = models.CharField(_("sentiment"), max_length=8, choices=Sentiment.choices, null=True, blank=True)  # noqa: DJ001
    sentiment_confidence = models.FloatField(null=True, blank=True)
    sentiment_corrected = models.CharField(  # noqa: DJ001
        _("corrected sentiment"), max_length=8, choices=Sentiment.choices, null=True, blank=True,
    )
    sentiment_corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    sentiment_corrected_at = models.DateTimeField(null=True, blank=True)
    emotion = models.CharField(_("emotion"), max_length=8, choices=Emotion.choices, null=True, blank=True)  # noqa: DJ001
    emotion_confidence = models.FloatField(null=True, blank=True)
    complaint = models.ForeignKey(
        "complaints.Complaint", null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions",
        help_text="the tracked report this mention became (post -> case), or is (LAPOR! source)",
    )

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        indexes = [
            models.Index(fields=["source", "published_at"]),
            models.Index(fields=["kind", "published_at"]),
            models.Index(fields=["region", "published_at"]),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:80]

    @property
    def final_sentiment(self) -> str | None:
        """The analyst's correction when there is one, else the model's label."""
        return self.sentiment_corrected or self.sentiment


class MentionTopic(models.Model):
    """A mention matched a topic; published_at is copied so per-topic time series need no join."""

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="mention_links")
    published_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "mention"], name="mentiontopic_unique")]
        indexes = [models.Index(fields=["topic", "published_at"])]

    def __str__(self) -> str:
        return f"{self.topic_id}:{self.mention_id}"
