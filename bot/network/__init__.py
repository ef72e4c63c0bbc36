"""The intermediated network: consenting firms, who complements whom, and consortia.

Lee et al. (2010) describe an intermediary that keeps a database of member
firms and builds consortia of specialised SMEs from it, and they name what it
lacked: a system recommending members by partner-selection criteria. This
package is that system as plain Python (no Rasa, no database), so the staff
desk, the command line, the chat and the benchmark all rank with the same
rules. ``docs/network.md`` writes the rules down with their sources.
"""
from bot.network.consortium import Consortium, suggest_consortium
from bot.network.matching import Match, rank_matches
from bot.network.profile import NetworkProfile

__all__ = ["Consortium", "Match", "NetworkProfile", "rank_matches", "suggest_consortium"]
