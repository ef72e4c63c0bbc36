"""The network area's forms; Flask-WTF adds and checks a CSRF token on each."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from bot.network.profile import IP_LEVELS, MAX_TEXT, OFFERS, SIZES, STAGES
from bot.network.rules import OFFER_WORDS
from bot.storage import wording

ANSWERS = (("yes", "agreed"), ("no", "declined"), ("collaborating", "now collaborating"))


def _none(choices):
    """A pick list with a "not stated" first entry."""
    return [("", "not stated")] + list(choices)


class NetworkProfileForm(FlaskForm):
    """Staff edits of a firm's network profile."""

    sector = SelectField("Sector", choices=[])
    size = SelectField("Size", choices=_none((s, s) for s in SIZES))
    stage = SelectField("Stage", choices=_none((s, s.replace("_", " ")) for s in STAGES))
    needs = SelectMultipleField("Needs", choices=[])
    barriers = SelectMultipleField("Barriers", choices=[])
    offers = SelectMultipleField("Offers", choices=[(o, OFFER_WORDS[o]) for o in OFFERS])
    ip_sensitivity = SelectField("Sensitivity of its know-how", choices=_none((v, v) for v in IP_LEVELS))
    abroad = SelectField("Partners abroad", choices=[("", "not stated"), ("yes", "yes"), ("no", "no")])
    seeks_text = TextAreaField("What it seeks", validators=[Optional(), Length(max=MAX_TEXT)])
    offers_text = TextAreaField("What it offers", validators=[Optional(), Length(max=MAX_TEXT)])

    def fill_choices(self) -> "NetworkProfileForm":
        """Pick lists from the knowledge base."""
        self.sector.choices = _none(wording.choices("sectors"))
        self.needs.choices = wording.choices("needs")
        self.barriers.choices = wording.choices("barriers")
        return self

    def changes(self) -> dict:
        """The submitted values as profile fields."""
        abroad = {"yes": True, "no": False}.get(self.abroad.data or "")
        return {"sector": self.sector.data or None, "size": self.size.data or None,
                "stage": self.stage.data or None, "needs": self.needs.data or [],
                "barriers": self.barriers.data or [], "offers": self.offers.data or [],
                "ip_sensitivity": self.ip_sensitivity.data or None, "abroad": abroad,
                "seeks_text": self.seeks_text.data or "", "offers_text": self.offers_text.data or ""}


class IntroduceForm(FlaskForm):
    """Propose introducing the page's firm to a suggested partner."""

    partner = HiddenField(validators=[DataRequired(), Length(max=255)])


class AnswerForm(FlaskForm):
    """One firm's answer to an introduction, or that the two now collaborate."""

    firm = HiddenField(validators=[DataRequired(), Length(max=255)])
    answer = SelectField("Answer", choices=list(ANSWERS))
