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

from bot.reading.conversation import parts_of
from bot.reading.read import read, read_parts, visible_text

__all__ = ["parts_of", "read", "read_parts", "visible_text"]
