"""Review work: tags, note threads, NLU corrections; follow-up note history and due dates.

The single ``followups.notes`` field is kept for old databases, but its text
moves into ``followup_notes`` as the first entry of each thread.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

EARLIER_NOTES_AUTHOR = "(earlier notes)"


def _sender(table: str) -> list:
    """The sender column and its cascading foreign key, named as tables.py names them."""
    return [
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.ForeignKeyConstraint(["sender_id"], ["conversations.sender_id"],
                                name=f"fk_{table}_sender_id_conversations", ondelete="CASCADE"),
    ]


def _thread(table: str, *columns: sa.Column) -> None:
    """A table of notes or tags on a conversation, with its indexes."""
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        *_sender(table),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    )
    op.create_index(f"ix_{table}_sender_id", table, ["sender_id"])


def upgrade() -> None:
    """Create the review tables, add the due date and move old notes into threads."""
    _thread("followup_notes",
            sa.Column("reference", sa.String(20), nullable=False),
            sa.Column("author", sa.String(80), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False))
    op.create_index("ix_followup_notes_reference", "followup_notes", ["reference"])
    _thread("conversation_tags",
            sa.Column("tag", sa.String(40), nullable=False),
            sa.Column("created_by", sa.String(80), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.UniqueConstraint("sender_id", "tag", name="uq_conversation_tags_sender_id_tag"))
    op.create_index("ix_conversation_tags_tag", "conversation_tags", ["tag"])
    _thread("conversation_notes",
            sa.Column("author", sa.String(80), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False))
    _thread("corrections",
            sa.Column("event_id", sa.Integer(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("predicted_intent", sa.String(255)),
            sa.Column("intent", sa.String(255), nullable=False),
            sa.Column("slot", sa.String(100)),
            sa.Column("value", sa.String(200)),
            sa.Column("span", sa.String(200)),
            sa.Column("created_by", sa.String(80), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.UniqueConstraint("sender_id", "event_id", name="uq_corrections_sender_id_event_id"))
    op.add_column("followups", sa.Column("due_on", sa.Date()))
    op.execute(
        "INSERT INTO followup_notes (sender_id, reference, author, body, created_at) "
        f"SELECT sender_id, reference, '{EARLIER_NOTES_AUTHOR}', notes, updated_at "
        "FROM followups WHERE notes <> ''"
    )
    op.execute("UPDATE followups SET notes = '' WHERE notes <> ''")


def downgrade() -> None:
    """Put the newest note of each thread back into the single field, then drop the new parts."""
    op.execute(
        "UPDATE followups SET notes = COALESCE((SELECT body FROM followup_notes n "
        "WHERE n.reference = followups.reference ORDER BY n.id DESC LIMIT 1), '')"
    )
    op.drop_column("followups", "due_on")  # SQLite 3.35+ drops columns in place
    for table in ("corrections", "conversation_notes", "conversation_tags", "followup_notes"):
        op.drop_table(table)
