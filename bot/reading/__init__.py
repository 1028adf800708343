"""Reading a ticket: from a conversation's text to the DNS changes the vendor asks for.

Pure: text in, `Extraction` out. The pipeline, one module per step:
- `conversation`: the ticket as comments (author role, new text vs quoted history, `quoted`);
- `walker` with `spread` and `references` (its mixins), `labels`, `tables`, `mentions`,
  `prose`, `actions`, `cues`: records mentioned in each vendor comment, with how they are meant
  (requested / observed / not wanted) and where;
- `changes`: mentions to normalised changes and observed facts (dnspython checks the data);
- `decide`: what the conversation asks for in the end (observed values fill deletes and
  updates; retractions and later comments win);
- `safety`: consistency (`ambiguous_request`) and completeness (`unread_value`) checks.
"""

from bot.reading.actions import forget_cues
from bot.reading.conversation import parts_of
from bot.reading.cues import forget_modes
from bot.reading.read import read, read_parts, visible_text


def forget() -> None:
    """Empty what the readers remember of texts they were asked about before (benchmarks time
    each ticket as if it were the first)."""
    forget_cues()
    forget_modes()


__all__ = ["forget", "parts_of", "read", "read_parts", "visible_text"]
