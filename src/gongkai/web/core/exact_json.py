"""JSON columns that keep decimals exact: report figures in 万元 never become floats.

Django's JSONField encodes with the encoder class and decodes with the decoder class given;
these two go through gongkai.report.jsonio, which writes Decimals as plain JSON numbers and
reads every non-integer number back as a Decimal.
"""

import json
from decimal import Decimal

from gongkai.report import jsonio


class ExactEncoder(json.JSONEncoder):
    def encode(self, o) -> str:
        return jsonio.dumps(o, indent=None)


class ExactDecoder(json.JSONDecoder):
    def __init__(self, *args, **kwargs) -> None:
        kwargs["parse_float"] = Decimal
        super().__init__(*args, **kwargs)
