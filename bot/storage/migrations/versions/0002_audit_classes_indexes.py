"""Audit log, classes and quiz answers; indexes for the staff desk's queue and filters.

Revision ID: 0002
Revises: 0001
Create Date: 2024-06-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the audit log, the class tables and two indexes."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("target", sa.String(255), server_default="", nullable=False),
        sa.Column("detail", sa.JSON()),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("created_by", sa.String(80)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_classes"),
        sa.UniqueConstraint("code", name="uq_classes_code"),
    )
    op.create_table(
        "quiz_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("class_code", sa.String(20)),
        sa.Column("lesson_id", sa.String(100), nullable=False),
        sa.Column("question_id", sa.String(100), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("learner_name", sa.String(80)),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quiz_answers"),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["conversations.sender_id"],
            name="fk_quiz_answers_sender_id_conversations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["class_code"],
            ["classes.code"],
            name="fk_quiz_answers_class_code_classes",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_quiz_answers_sender_id", "quiz_answers", ["sender_id"])
    op.create_index("ix_conversations_last_seen_at", "conversations", ["last_seen_at"])
    op.create_index("ix_followups_status_created_at", "followups", ["status", "created_at"])


def downgrade() -> None:
    """Remove what :func:`upgrade` added."""
    op.drop_index("ix_followups_status_created_at", table_name="followups")
    op.drop_index("ix_conversations_last_seen_at", table_name="conversations")
    op.drop_table("quiz_answers")
    op.drop_table("classes")
    op.drop_table("audit_log")
