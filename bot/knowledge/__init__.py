"""The curated knowledge base: typed entries loaded from ``knowledge/``."""
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.loader import KINDS, KnowledgeBase, knowledge_dir, load_knowledge

__all__ = ["KINDS", "KnowledgeBase", "KnowledgeError", "knowledge_dir", "load_knowledge"]
