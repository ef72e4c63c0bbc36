"""OI Advisor's web app: the staff review desk, and the home of the public pages.

``create_app`` in :mod:`bot.web.app` builds it; ``python -m bot.web.serve``
serves it with waitress.
"""
