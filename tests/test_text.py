"""HTML, .eml and normalisation of ticket bodies."""

from __future__ import annotations

from bot.htmltext import html_to_text
from bot.text import (
    PRIVATE_KEY_PLACEHOLDER,
    from_email,
    normalise,
    redact_private_keys,
    to_plain_text,
    without_quote_markers,
)


def test_html_table_becomes_pipe_rows() -> None:
    html = "<table><tr><th>Name</th><th>Type</th></tr><tr><td>a&nbsp;b</td><td>&quot;x&quot;</td></tr></table>"
    assert [line for line in html_to_text(html).splitlines() if line] == [
        "| Name | Type |",
        '| a b | "x" |',
    ]


def test_line_breaks_between_row_and_cell_tags_make_no_cell() -> None:
    html = "<table>\n<tr>\n<td>Name</td>\n<td>Type</td>\n</tr>\n<tr>\n<td>x</td> <td>CNAME</td></tr></table>"
    assert [line for line in html_to_text(html).splitlines() if line.strip()] == [
        "| Name | Type |",
        "| x | CNAME |",
    ]


def test_a_one_cell_box_keeps_its_lines() -> None:
    html = "<table><tr><td>a.gov.uk. CNAME x.<br>b.gov.uk. CNAME y.</td></tr></table>"
    assert [line for line in html_to_text(html).splitlines() if line.strip()] == [
        "a.gov.uk. CNAME x.",
        "b.gov.uk. CNAME y.",
    ]


def test_a_blockquote_is_shown_quoted() -> None:
    html = "<p>Is this the only one?</p><blockquote><p>Add:</p><pre>x CNAME y</pre></blockquote><p>Dev</p>"
    assert [line for line in html_to_text(html).splitlines() if line.strip()] == [
        "Is this the only one?",
        "> Add:",
        "> x CNAME y",
        "Dev",
    ]


def test_script_and_style_are_dropped() -> None:
    assert "alert" not in html_to_text("<p>hi</p><script>alert(1)</script><style>p{}</style>")


def test_smart_quotes_and_quote_markers() -> None:
    # Quote markers stay: where history begins is the reader's decision (bot/reading/quoted.py).
    assert normalise("> \u201cx\u201d\u00a0y\r\n>> z") == '> "x" y\n>> z'
    assert without_quote_markers(normalise("> \u201cx\u201d\u00a0y\r\n>> z")) == '"x" y\nz'


def test_private_key_is_removed_even_without_end_line() -> None:
    text, found = redact_private_keys("a\n-----BEGIN PRIVATE KEY-----\nSECRET\nmore")
    assert found and "SECRET" not in text and PRIVATE_KEY_PLACEHOLDER in text


def test_certificate_is_not_a_private_key() -> None:
    text = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"
    assert redact_private_keys(text) == (text, False)


def test_a_mail_saved_as_text_keeps_its_8_bit_characters() -> None:
    # No charset, or us-ascii, over UTF-8 bytes: the string parser used to leave "\\u201c".
    for header in ("", "Content-Type: text/plain; charset=us-ascii\n"):
        raw = f"From: a@b.com\nSubject: x\n{header}\n\u201cvalues\u201d: [ \u00a3 caf\u00e9"
        assert from_email(raw)[1] == "\u201cvalues\u201d: [ \u00a3 caf\u00e9"


def test_a_text_file_attached_to_a_mail_is_read_after_its_body() -> None:
    raw = (
        "From: a@b.com\nSubject: x\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\n'
        "Content-Type: text/plain; charset=utf-8\n\nRecords attached.\n--b\n"
        'Content-Type: text/plain; name="records.txt"\n'
        'Content-Disposition: attachment; filename="records.txt"\n\n'
        "_acme-challenge.gov.uk. 300 IN CNAME x.fastly-validations.com.\n--b--\n"
    )
    text = from_email(raw)[1]
    assert text.startswith("Records attached.")
    assert "--- attached file records.txt ---" in text
    assert text.rstrip().endswith("CNAME x.fastly-validations.com.")


def test_eml_html_part_is_read() -> None:
    raw = (
        "From: a@b.com\nSubject: Hello #123\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n\n<p>one</p><p>two</p>"
    )
    subject, text = from_email(raw)
    assert subject == "Hello #123"
    # The HTML stays HTML, so the reader can say what in it is hidden from a reader.
    assert [line for line in to_plain_text(text).splitlines() if line] == ["one", "two"]


def test_html_detected_and_converted() -> None:
    assert to_plain_text("<div>a<br>b</div>").split() == ["a", "b"]


def test_an_html_list_keeps_its_numbers_and_bullets_one_item_a_line() -> None:
    html = (
        "<p>These can be removed:</p>\n<ol>\n  <li>first</li>\n  <li><p>second</p><p>more</p></li>"
        '\n  <li>third<ul><li>a</li><li>b</li></ul></li>\n</ol><ol start="7"><li>seventh</li></ol>'
        "<p>After the list.</p>"
    )
    assert [line for line in html_to_text(html).splitlines() if line.strip()] == [
        "These can be removed:",
        "1. first",
        "2. second",
        "more",
        "3. third",
        "  - a",
        "  - b",
        "7. seventh",
        "After the list.",
    ]
    lines = html_to_text(html).splitlines()
    assert lines.index("2. second") == lines.index("1. first") + 1  # no blank line between items


def test_outlook_list_paragraphs_are_one_item_a_line() -> None:
    html = (
        '<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]>'
        '<span style="mso-list:Ignore">1.<span>&nbsp; </span></span><![endif]>first</p>'
        '<p class=MsoListParagraph><span style="mso-list:Ignore">2.<span>&nbsp; </span></span>'
        "second</p>"
    )
    lines = [" ".join(line.split()) for line in html_to_text(html).splitlines() if line.strip()]
    assert lines == ["1. first", "2. second"]


def test_a_message_in_a_layout_cell_keeps_its_paragraphs_and_list_markers() -> None:
    # A Zendesk notification puts each comment in a table cell: its <p> are paragraphs and
    # its <li> items, as a reader sees them, not one run of lines
    words = "A sentence long enough to make the cell page layout rather than a data cell. " * 3
    html = (
        "<table><tr><td><table><tr><td>"
        f"<p>Whether you add sectigo.com or remove letsencrypt.org is up to you. {words}</p>"
        "<p>From our side it is still only these two records:</p>"
        "<ol><li>please don't publish the TXT.</li><li>the CNAME stays where it is.</li></ol>"
        "<ul><li><p>keep the iodef entry</p></li></ul>"
        "</td></tr></table></td></tr></table>"
    )
    lines = html_to_text(html).strip().splitlines()
    assert lines[1:] == [
        "",
        "From our side it is still only these two records:",
        "",
        "1. please don't publish the TXT.",
        "2. the CNAME stays where it is.",
        "",
        "- keep the iodef entry",  # (its <p> starts a paragraph; the bullet stays with it)
    ]


def test_outlook_one_paragraph_per_line_in_a_cell_stays_one_paragraph() -> None:
    line = "A line of an Outlook mail, long enough to count as layout in its cell."
    cell = "".join(f'<p class="MsoNormal">{line} {n}</p>' for n in range(8))
    text = html_to_text(f"<table><tr><td>{cell}</td></tr></table>")
    assert [x for x in text.splitlines() if x.strip()] == [f"{line} {n}" for n in range(8)]
    assert "\n\n" not in text.strip()
