"""The intake step: question + the user's earlier turns -> one typed ``Intent`` (``understand``).

Modules in the order a turn is read: ``spelling`` (typos), ``values`` (dates, dollars, grades,
ratings, whose fact), ``asked`` (the form of answer wanted), ``match`` (which calculator, rule or
decline it is about), ``bind`` + ``readers`` (each value to its role), ``replies`` (a terse
reply, a correction, a switch) and ``understand`` (the interview over the turns). ``declines``
is the data of what the documents do not cover.
"""

from advisor.intake.understand import Intake, next_needed

__all__ = ["Intake", "next_needed"]
