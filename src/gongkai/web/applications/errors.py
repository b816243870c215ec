"""The applications workflow's own refusal, shared by the modules that apply its steps."""


class WorkflowError(Exception):
    """An action the rules do not allow now; the message says why, in the user's language."""
