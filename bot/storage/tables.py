"""Our own tables, as SQLAlchemy Core tables (the schema at the newest migration).

Rasa keeps the full transcript in its ``events`` table; these tables keep what
the staff desk needs per conversation without parsing events: the firm profile,
advice given, misconceptions raised, tutorial progress and follow-up requests,
plus staff accounts and the audit log. Every per-conversation row hangs off
``conversations`` with ``ON DELETE CASCADE`` so erasing a sender cannot leave
orphans behind. Times are naive UTC (see ``database.utcnow``).

The Alembic revisions in ``migrations/versions`` must produce exactly this
schema; a test compares the two.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

FOLLOWUP_STATUSES = ("new", "contacted", "closed")
CONVERSATION_STATUSES = ("new", "reviewed")
ROLES = ("staff", "trainer", "admin")
INTRODUCTION_OUTCOMES = ("proposed", "accepted", "declined", "collaborating")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _sender() -> Column:
    """The owning conversation; rows go when the conversation is erased."""
    return Column(
        "sender_id",
        String(255),
        ForeignKey("conversations.sender_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


conversations = Table(
    "conversations",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("started_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False, index=True),
    Column("status", String(20), nullable=False, server_default="new"),
    Column("sector", String(100)),
    Column("company_size", String(100)),
    Column("innovation_need", String(100)),
    Column("innovation_stage", String(100)),
    Column("profile", JSON),
    CheckConstraint("status IN ('new', 'reviewed')", name="status"),
)

recommendations = Table(
    "recommendations",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("models", JSON, nullable=False),
    Column("partners", JSON, nullable=False),
    Column("guidance", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

misconceptions_raised = Table(
    "misconceptions_raised",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("misconception_id", String(100), nullable=False, index=True),
    Column("raised_at", DateTime, nullable=False),
)

tutorial_progress = Table(
    "tutorial_progress",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("lesson_id", String(100), nullable=False),
    Column("step", Integer, nullable=False, server_default="0"),
    Column("best_score", Integer),
    Column("done", Boolean, nullable=False, server_default=false()),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("sender_id", "lesson_id"),
)

followups = Table(
    "followups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(20), nullable=False, unique=True),
    _sender(),
    Column("name", String(120), nullable=False),
    Column("company", String(160), nullable=False),
    Column("email", String(254)),
    Column("phone", String(32)),
    Column("preferred_time", String(200)),
    Column("consent_text", Text, nullable=False),
    Column("consented_at", DateTime, nullable=False),
    Column("status", String(20), nullable=False, server_default="new"),
    Column("assignee", String(80)),
    # The single notes field of old; migration 0003 moved its text into followup_notes.
    Column("notes", Text, nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("due_on", Date),
    CheckConstraint("status IN ('new', 'contacted', 'closed')", name="status"),
    Index("ix_followups_status_created_at", "status", "created_at"),
)

staff_users = Table(
    "staff_users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(20), nullable=False),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", DateTime),
    Column("created_at", DateTime, nullable=False),
    Column("last_login_at", DateTime),
    CheckConstraint("role IN ('staff', 'trainer', 'admin')", name="role"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("actor", String(80), nullable=False),
    Column("action", String(50), nullable=False),
    Column("target", String(255), nullable=False, server_default=""),
    Column("detail", JSON),
)

classes = Table(
    "classes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("created_by", String(80)),
    Column("created_at", DateTime, nullable=False),
)

quiz_answers = Table(
    "quiz_answers",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("class_code", String(20), ForeignKey("classes.code", ondelete="SET NULL")),
    Column("lesson_id", String(100), nullable=False),
    Column("question_id", String(100), nullable=False),
    Column("correct", Boolean, nullable=False),
    Column("learner_name", String(80)),
    Column("answered_at", DateTime, nullable=False),
)

followup_notes = Table(
    "followup_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("reference", String(20), nullable=False, index=True),
    Column("author", String(80), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

conversation_tags = Table(
    "conversation_tags",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("tag", String(40), nullable=False, index=True),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("sender_id", "tag"),
)

conversation_notes = Table(
    "conversation_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("author", String(80), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("event_id", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("predicted_intent", String(255)),
    Column("intent", String(255), nullable=False),
    Column("slot", String(100)),
    Column("value", String(200)),
    Column("span", String(200)),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("sender_id", "event_id"),
)

network_profiles = Table(
    "network_profiles",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("sector", String(100)),
    Column("size", String(20)),
    Column("stage", String(40)),
    Column("needs", JSON, nullable=False),
    Column("barriers", JSON, nullable=False),
    Column("offers", JSON, nullable=False),
    Column("ip_sensitivity", String(20)),
    Column("abroad", Boolean),
    Column("past_partners", JSON, nullable=False),
    Column("seeks_text", Text, nullable=False, server_default=""),
    Column("offers_text", Text, nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String(80)),
    UniqueConstraint("sender_id"),
)

network_consents = Table(
    "network_consents",
    metadata,
    Column("id", Integer, primary_key=True),
    _sender(),
    Column("wording", Text, nullable=False),
    Column("consented_at", DateTime, nullable=False),
    Column("withdrawn_at", DateTime),
    Column("withdrawn_by", String(80)),
    Index("ix_network_consents_withdrawn_at", "withdrawn_at"),
)

introductions = Table(
    "introductions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("first_sender", String(255), ForeignKey("conversations.sender_id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("second_sender", String(255), ForeignKey("conversations.sender_id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("proposed_by", String(80), nullable=False),
    Column("proposed_at", DateTime, nullable=False),
    Column("first_agreed", Boolean),
    Column("second_agreed", Boolean),
    Column("outcome", String(20), nullable=False, server_default="proposed"),
    Column("updated_at", DateTime, nullable=False),
    CheckConstraint("outcome IN ('proposed', 'accepted', 'declined', 'collaborating')", name="outcome"),
)

#: tables holding one sender's rows, children first (the order erasure deletes in)
PER_SENDER_TABLES = (
    network_consents,
    network_profiles,
    corrections,
    conversation_notes,
    conversation_tags,
    followup_notes,
    quiz_answers,
    tutorial_progress,
    misconceptions_raised,
    recommendations,
    followups,
)
