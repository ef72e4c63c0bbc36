"""Initial schema: conversations with profile, advice, misconceptions, tutorial, follow-ups, staff.

Revision ID: 0001
Revises:
Create Date: 2024-05-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _sender() -> sa.Column:
    """The owning conversation's id; the foreign key is added by :func:`_fk`."""
    return sa.Column("sender_id", sa.String(255), nullable=False)


def upgrade() -> None:
    """Create the tables the first release needs."""
    op.create_table(
        "conversations",
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(20), server_default="new", nullable=False),
        sa.Column("sector", sa.String(100)),
        sa.Column("company_size", sa.String(100)),
        sa.Column("innovation_need", sa.String(100)),
        sa.Column("innovation_stage", sa.String(100)),
        sa.Column("profile", sa.JSON()),
        sa.CheckConstraint("status IN ('new', 'reviewed')", name="ck_conversations_status"),
        sa.PrimaryKeyConstraint("sender_id", name="pk_conversations"),
    )
    op.create_table(
        "recommendations",
        sa.Column("id", sa.Integer(), nullable=False),
        _sender(),
        sa.Column("models", sa.JSON(), nullable=False),
        sa.Column("partners", sa.JSON(), nullable=False),
        sa.Column("guidance", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recommendations"),
        _fk("recommendations"),
    )
    op.create_table(
        "misconceptions_raised",
        sa.Column("id", sa.Integer(), nullable=False),
        _sender(),
        sa.Column("misconception_id", sa.String(100), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_misconceptions_raised"),
        _fk("misconceptions_raised"),
    )
    op.create_index(
        "ix_misconceptions_raised_misconception_id", "misconceptions_raised", ["misconception_id"]
    )
    op.create_table(
        "tutorial_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        _sender(),
        sa.Column("lesson_id", sa.String(100), nullable=False),
        sa.Column("step", sa.Integer(), server_default="0", nullable=False),
        sa.Column("best_score", sa.Integer()),
        sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tutorial_progress"),
        sa.UniqueConstraint(
            "sender_id", "lesson_id", name="uq_tutorial_progress_sender_id_lesson_id"
        ),
        _fk("tutorial_progress"),
    )
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(20), nullable=False),
        _sender(),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("company", sa.String(160), nullable=False),
        sa.Column("email", sa.String(254)),
        sa.Column("phone", sa.String(32)),
        sa.Column("preferred_time", sa.String(200)),
        sa.Column("consent_text", sa.Text(), nullable=False),
        sa.Column("consented_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(20), server_default="new", nullable=False),
        sa.Column("assignee", sa.String(80)),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('new', 'contacted', 'closed')", name="ck_followups_status"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_followups"),
        sa.UniqueConstraint("reference", name="uq_followups_reference"),
        _fk("followups"),
    )
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime()),
        sa.CheckConstraint("role IN ('staff', 'trainer', 'admin')", name="ck_staff_users_role"),
        sa.PrimaryKeyConstraint("id", name="pk_staff_users"),
        sa.UniqueConstraint("username", name="uq_staff_users_username"),
    )
    for table in ("recommendations", "misconceptions_raised", "tutorial_progress", "followups"):
        op.create_index(f"ix_{table}_sender_id", table, ["sender_id"])


def _fk(table: str) -> sa.ForeignKeyConstraint:
    """The named foreign key from ``table`` to its conversation."""
    return sa.ForeignKeyConstraint(
        ["sender_id"],
        ["conversations.sender_id"],
        name=f"fk_{table}_sender_id_conversations",
        ondelete="CASCADE",
    )


def downgrade() -> None:
    """Drop everything this revision created, children first."""
    for table in ("followups", "tutorial_progress", "misconceptions_raised", "recommendations"):
        op.drop_table(table)
    op.drop_table("staff_users")
    op.drop_table("conversations")
