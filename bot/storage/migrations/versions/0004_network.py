"""The intermediated network: profiles, matching consent and introductions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _conversation(table: str, column: str) -> list:
    """A sender column with its cascading foreign key and index, named as tables.py names them."""
    return [
        sa.Column(column, sa.String(255), nullable=False),
        sa.ForeignKeyConstraint([column], ["conversations.sender_id"],
                                name=f"fk_{table}_{column}_conversations", ondelete="CASCADE"),
    ]


def upgrade() -> None:
    """Create the three network tables."""
    op.create_table(
        "network_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        *_conversation("network_profiles", "sender_id"),
        sa.Column("sector", sa.String(100)),
        sa.Column("size", sa.String(20)),
        sa.Column("stage", sa.String(40)),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("barriers", sa.JSON(), nullable=False),
        sa.Column("offers", sa.JSON(), nullable=False),
        sa.Column("ip_sensitivity", sa.String(20)),
        sa.Column("abroad", sa.Boolean()),
        sa.Column("past_partners", sa.JSON(), nullable=False),
        sa.Column("seeks_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("offers_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(80)),
        sa.PrimaryKeyConstraint("id", name="pk_network_profiles"),
        sa.UniqueConstraint("sender_id", name="uq_network_profiles_sender_id"),
    )
    op.create_index("ix_network_profiles_sender_id", "network_profiles", ["sender_id"])
    op.create_table(
        "network_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        *_conversation("network_consents", "sender_id"),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("consented_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime()),
        sa.Column("withdrawn_by", sa.String(80)),
        sa.PrimaryKeyConstraint("id", name="pk_network_consents"),
    )
    op.create_index("ix_network_consents_sender_id", "network_consents", ["sender_id"])
    op.create_index("ix_network_consents_withdrawn_at", "network_consents", ["withdrawn_at"])
    op.create_table(
        "introductions",
        sa.Column("id", sa.Integer(), nullable=False),
        *_conversation("introductions", "first_sender"),
        *_conversation("introductions", "second_sender"),
        sa.Column("proposed_by", sa.String(80), nullable=False),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("first_agreed", sa.Boolean()),
        sa.Column("second_agreed", sa.Boolean()),
        sa.Column("outcome", sa.String(20), nullable=False, server_default="proposed"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("outcome IN ('proposed', 'accepted', 'declined', 'collaborating')",
                           name="ck_introductions_outcome"),
        sa.PrimaryKeyConstraint("id", name="pk_introductions"),
    )
    op.create_index("ix_introductions_first_sender", "introductions", ["first_sender"])
    op.create_index("ix_introductions_second_sender", "introductions", ["second_sender"])


def downgrade() -> None:
    """Drop the network tables (erasing every profile, consent and introduction)."""
    for table in ("introductions", "network_consents", "network_profiles"):
        op.drop_table(table)
