"""Answer writers: turn retrieved passages and calculator results into an Answer."""
