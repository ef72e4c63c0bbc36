"""The follow-up request: an owner asks an advisor to get in touch.

``form`` runs the conversation (consent first, then contact details),
``contact`` reads the details out of typed answers, and ``request`` holds
the rules every stored request obeys, so the chat, the storage layer and
the staff desk apply the very same ones.
"""
