"""The published tables: their columns, in order, with a one-line description each.

This is the data dictionary: `extract` writes exactly these columns, and the report prints these
descriptions beside the tables.
"""

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "Stable id derived from the file's sha256 (same file, same id).",
        "source": "File name of the article in the input folder.",
        "title": "Headline: front matter, else manifest.csv, else the headline found in a breadcrumb line.",
        "outlet": "Publishing outlet (front matter or manifest.csv).",
        "url": "Address of the original article (front matter or manifest.csv).",
        "published": "Publication date, ISO 8601; relative dates in the text are resolved against it.",
        "sha256": "SHA-256 of the file's bytes, to check the source was not altered.",
        "n_chars": "Length of the body in characters (all offsets index into the body).",
        "n_sentences": "Number of article sentences (page furniture excluded).",
        "agency": "Agency credit found in the text ('With agency inputs', 'Reuters' …), if any.",
    },
    "sentences": {
        "doc_id": "Document the sentence belongs to.",
        "sentence_index": "0-based position of the sentence in the document.",
        "paragraph_index": "0-based position of its paragraph.",
        "start": "Offset of the first character in the body.",
        "end": "Offset after the last character: body[start:end] == text.",
        "text": "The sentence, verbatim.",
    },
    "statements": {
        "statement_id": "Stable id: document id and position of the statement.",
        "statement_group": "Rows of one quote interrupted by its attribution share this id.",
        "doc_id": "Document the statement comes from.",
        "kind": "direct (inside quote marks), indirect (reported clause) or mixed (reported clause with a quoted part).",
        "text": "The statement verbatim, quote marks excluded: body[start:end] == text.",
        "start": "Offset of the statement's first character in the body.",
        "end": "Offset after its last character.",
        "sentence_index": "Sentence in which the statement starts.",
        "sentence": "That sentence, verbatim, for checking the attribution.",
        "speaker": "Canonical speaker name when known, else as written; empty when the text names none.",
        "speaker_text": "The speaker as written at the attribution ('he', 'the army's statement' …).",
        "speaker_role": "Role or title of the speaker (from the text, else the actors reference).",
        "speaker_affiliation": "Organisation or government the speaker belongs to.",
        "speaker_country": "ISO 3166-1 alpha-3 country of the speaker.",
        "speaker_type": "person, government, armed group, international organisation, media, monitor …",
        "side": "government, opposition, foreign government, international, media or unknown.",
        "verb": "The reporting verb or phrase ('said', 'told', 'according to' …).",
        "channel": "Where it was said when the text says: statement, state media, Truth Social, a forum …",
        "stances": "Stances found in the statement (semicolon-separated), from data/reference/stance_cues.csv.",
        "stance_cues": "The exact cue words that triggered each stance.",
        "rule": "Which extraction pattern produced the row.",
    },
    "events": {
        "event_id": "Stable id: document id and position of the event.",
        "doc_id": "Document the event comes from.",
        "date": "Resolved date of the event (ISO 8601): the sentence's date words, else the last date the article gave before it, else the publication date; empty in a sentence about an earlier year ('in 2016').",
        "date_text": "The date words as written ('on Saturday', 'the next day' …); empty when the date is carried over.",
        "actor": "Who acted, as written.",
        "actor_side": "opposition, government, foreign, international or unknown.",
        "action": "Action from the fixed vocabulary in data/reference/event_actions.csv.",
        "action_text": "The action words as written.",
        "acled_event_type": "Nearest ACLED event type for the action.",
        "acled_sub_event_type": "Nearest ACLED sub-event type for the action.",
        "place": "Canonical place name from data/reference/places.csv (a landmark keeps the place it is named after).",
        "place_text": "The place as written, with any landmark it names ('northern countryside of Hama', 'Mezzeh military airport').",
        "place_type": "governorate, city, town, village, area, region, country or foreign_city.",
        "admin1": "ISO 3166-2 code of the Syrian governorate, empty abroad.",
        "lat": "Latitude of the place (WGS 84).",
        "lon": "Longitude of the place (WGS 84).",
        "km_to_damascus": "Great-circle distance from the place to Damascus, km.",
        "extent": "Qualifier of the extent as written ('most of', 'several key checkpoints' …), else the landmark's own words ('military airport').",
        "distance_km": "A distance stated in the text ('20 km away'), km.",
        "distance_from": "The place that distance is measured from.",
        "status": "reported (the article, or a wire agency it credits, states it), claimed (inside someone's statement) or denied.",
        "claimed_by": "Who asserts it, when the event stands inside a statement (a credited wire agency for reported rows).",
        "sentence_index": "Sentence the event comes from.",
        "sentence": "That sentence, verbatim.",
        "start": "Offset of the event's first word in the body.",
        "end": "Offset after the event's last word: body[start:end] is the event's words.",
        "rule": "Which extraction pattern linked the place to the action (trigger-before-place, fronted-locative …); learned-scorer: no pattern did, the learned place scorer kept the place and gave it the nearest trigger; a suffix +document-side or +learned-side: the side (and with +learned-side the actor) was not read from the actor phrase the pattern found but from the article's other rows or the learned side scorer.",
    },
}


def columns(table: str) -> list[str]:
    return list(TABLES[table])
