"""The curated knowledge base: typed entries loaded from ``knowledge/``."""
from bot.knowledge.base import KINDS, KnowledgeBase
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.loader import knowledge_dir, load_knowledge

__all__ = ["KINDS", "KnowledgeBase", "KnowledgeError", "knowledge_dir", "load_knowledge"]
