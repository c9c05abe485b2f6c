"""Attribution cues in a sentence: a speech verb, the speaker phrase around it, and where the
reported content starts.

Patterns: "X said", "said X", "X, the ROLE, said", "ROLE X said", "X said in a statement:",
"X told state media", "said X on his Truth Social", "X said at the Doha Forum", "X said Saturday
that …", "according to X", ", adding that …" and "… and argued that …" (the speaker carries over);
speaker phrases with "(SNA)", up to three appositions ("X, 54, a teacher from Homs, said", "A
resident, reached by phone, said") or a place ("residents on the Syrian side said").
The verbs come from data/reference/speech_verbs.csv; everything is compiled once at import.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from .config import REFERENCE_DIR
from .wordlists import trie_pattern
from .speakers import DETERMINERS, PRONOUNS, is_capitalised, is_name_token, lexicon_class, opens_relative


def _verb_forms() -> dict[str, str]:
    with open(REFERENCE_DIR / "speech_verbs.csv", encoding="utf-8", newline="") as fh:
        return {row["form"]: row["kind"] for row in csv.DictReader(fh)}


VERB_KINDS = _verb_forms()
# Case-sensitive (faster than IGNORECASE): verbs are lower case; "According to" opens sentences.
_VERB = re.compile(r"\b(?:" + trie_pattern([*VERB_KINDS, "According to"]) + r")(?![\w’'-])")
# Verbs that report speech even when no subject can be parsed (the speaker is then left empty).
_PLAIN_SPEECH = {"said", "says", "told", "tells", "added", "adds"}
_TELL = {"told", "tells", "telling"}

# Words between a subject and its verb: "he also added", "Russia has repeatedly said".
_BETWEEN = {"also", "later", "earlier", "previously", "again", "repeatedly", "separately", "further", "then",
            "has", "have", "had", "once", "publicly", "recently", "reportedly", "himself", "herself",
            "itself", "themselves", "already", "now", "often", "quickly", "immediately", "subsequently",
            "flatly", "firmly", "strongly", "explicitly", "privately", "initially", "angrily", "just"}
# What a verb is not a report after ("said to be", "would say", "the claims").
_NOT_REPORT_AFTER = {"to", "not", "never", "would", "could", "should", "might", "may", "must", "will", "can",
                     "is", "was", "are", "were", "be", "been", "being", "having", "if", "whether",
                     "didn't", "don't", "doesn't", "won't", "can't", "cannot", "wouldn't"} | DETERMINERS
_PROGRESSIVE_AUX = {"is", "are", "was", "were", "been"}
# Tokens that may stand right before a speaker phrase.
_BOUNDARY_WORDS = {"and", "but", "as", "while", "when", "that", "because", "although", "though", "where",
                   "after", "before", "since", "so", "then", "meanwhile", "however", "also", "earlier",
                   "later", "yet", "whereas", "even", "now", "today", "yesterday", "separately", "instead",
                   "still", "or", "if", "once", "until", "here", "there"}
_BOUNDARY_PUNCT = {",", ";", ":", "“", "”", '"', "—", "–", "-", "(", ")", "‘", "’", "'", "''", "«", "»", "•", "--"}
_JOINERS = {"of", "for", "to", "and", "&", "in", "at"}

_TOKEN = re.compile(r"[^\s,;:“”\"«»()—–]+|[,;:“”\"«»()—–]")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A capitalised name, with a number closing it ("Zagros 24") when the attribution goes on after it.
_CAPS = (r"[A-Z][\w’'.&-]*(?:\s+(?:of|for|on|and|the|de|al-)?\s*[A-Z][\w’'.&-]*)*"
         r"(?:\s+\d{1,2}(?=\s*(?:[,.;:]|$)|\s+(?:by|on|in|from|that|at|via|late|early|earlier|last|this)\b))?")
_CHANNEL_NOUNS = (r"statement|video|interview|speech|address|post|message|communiqu[eé]|letter|op-ed|briefing|"
                  r"broadcast|tweet|report|news\s+conference|press\s+conference|televised\s+address|"
                  r"television\s+interview|social\s+media\s+post|phone\s+call|call|meeting|remarks")
_PLATFORMS = r"Truth\s+Social|Telegram|X|Twitter|Facebook|Instagram|YouTube|TikTok|social\s+media|state\s+(?:TV|television|media|radio)|television|TV|radio"
# Phrases between the verb and the content: time, channel, place, recipient.
_TAIL_PIECE = (
    rf"(?:(?:on\s+|late\s+|early\s+|last\s+|this\s+)?{_DAY}(?:\s+(?:night|morning|afternoon|evening))?"
    rf"|(?:late|early)\s+(?:on\s+)?{_DAY}|(?:on|by)\s+(?:the\s+)?(?:phone|telephone|email|video\s+link)"
    r"|today|tonight|yesterday|earlier|later|again|also|separately|publicly|privately|repeatedly|recently|previously|"
    r"(?:earlier|later)\s+(?:on\s+)?(?:this|that|last)\s+(?:week|month|day)|on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}"
    rf"|in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_CHANNEL_NOUNS})"
    rf"(?:\s+(?:published|posted|released|aired|broadcast|shared|read|carried)\s+(?:on|by)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?"
    rf"(?:{_PLATFORMS}|{_CAPS})(?:\s+(?:account|platform|channel|page|site|network|feed))?)?"
    rf"(?:\s+(?:with|to|on|in|from)\s+(?:the\s+)?{_CAPS})?"
    rf"|(?:on|via|through)\s+(?:his|her|its|their|the)?\s*(?:{_PLATFORMS})(?:\s+(?:account|platform|channel|page|site|network|feed))?"
    rf"|at\s+(?:the|a|an)\s+(?:{_CAPS}\s+)?(?:Forum|Summit|Conference|Dialogue|Assembly|Meeting|Council|Congress|Festival)"
    r"(?:\s+(?:for|on|of)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}(?=\s*(?:[,:;.]|$)))?"
    r"|at\s+(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)(?:\s+in\s+[A-Z][\w-]+)?"
    r"|at\s+(?:a|the)\s+(?:rally|summit|meeting|event|hearing|debate|ceremony)(?:\s+in\s+[A-Z][\w-]+)?"
    r"|(?:in|at|from)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?=\s*(?:[,.:;]|that\b|on\b|$))"
    r"|to\s+(?:reporters|journalists|the\s+press|lawmakers|supporters|state\s+media|the\s+media|[A-Z][\w.&-]+(?:\s+[A-Z][\w.&-]+)*)"
    r")"
)
_TAIL = re.compile(rf"(?:\s*,?\s*{_TAIL_PIECE}\b)*")
_RECIPIENT = re.compile(
    r"\s+(?:(?:the\s+)?(?:" + _CAPS + r")|reporters|journalists|the\s+press|lawmakers|supporters|parliament|"
    r"state\s+(?:media|TV|television|news\s+agency)|(?:a|the)\s+(?:[\w-]+\s+){0,3}(?:conference|briefing|"
    r"newspaper|agency|channel|broadcaster|network|parliament|council|assembly|crowd|audience|meeting|gathering|"
    r"summit|forum|rally)|(?:him|her|them|us|me)|(?:his|her|their|its)\s+[a-z]+|[a-z]{3,}s)\b")
_LEAD_IN = re.compile(r"\s*[,:]?\s*(?:that\b\s*)?")
_CHANNEL_NAMES = {  # group name → channel, in order of preference
    "truth": "Truth Social", "telegram": "Telegram", "x": "X", "facebook": "Facebook", "instagram": "Instagram",
    "state": "state media", "conference": "news conference", "interview": "interview",
    "communique": "communiqué", "statement": "statement", "video": "video", "speech": "speech",
}
_CHANNEL = re.compile(
    r"(?P<truth>Truth\s+Social)|(?P<telegram>\bTelegram\b)|(?P<x>\b(?:Twitter|X)\b)|(?P<facebook>\bFacebook\b)"
    r"|(?P<instagram>\bInstagram\b)|(?P<state>\bstate\s+(?:media|TV|television|radio|news\s+agency)\b)"
    r"|(?P<conference>\b(?:news|press)\s+conference\b)|(?P<interview>\binterview\b)"
    r"|(?P<communique>\bcommuniqu[eé]\b)|(?P<statement>\bstatement\b)|(?P<video>\bvideo\b)"
    r"|(?P<speech>\b(?:speech|address)\b)")
_FORUM = re.compile(rf"\bat\s+(?:the|a|an)\s+({_CAPS}\s+(?:Forum|Summit|Conference|Dialogue|Assembly|Meeting|Council|Congress))")
_TOLD_MEDIA = re.compile(r"^\s+(Reuters|AFP|AP|the\s+Associated\s+Press|(?:the\s+)?BBC|CNN|Al\s+Jazeera|Al\s+Arabiya|"
                         r"Sky\s+News|the\s+[A-Z][\w]+\s+(?:Times|Post|Journal)|[A-Z][\w]+\s+(?:TV|Television|News))\b")


@dataclass(frozen=True)
class Cue:
    """One speech verb in a sentence and what surrounds it (offsets relative to the sentence)."""
    verb_start: int
    verb_end: int
    verb: str
    subject: tuple[int, int] | None   # speaker phrase span, if any
    inverted: bool                    # "said X": the speaker follows the verb
    content_start: int                # where the reported content can begin
    channel: str
    participle: bool                  # ", adding that …": the speaker carries over
    conjoined: bool                   # "… and argued that …": the speaker carries over
    comma_after: bool                 # "X said, in …": what follows is no reported clause
    naming: bool = False              # "called X “Y”": a statement only when it quotes words


def channel_of(tail: str) -> str:
    """Where it was said, from the words between the verb and the content."""
    if not tail.strip():
        return ""
    m = _FORUM.search(tail)
    if m:
        return m.group(1)
    found = {m.lastgroup for m in _CHANNEL.finditer(tail)}
    return next((name for group, name in _CHANNEL_NAMES.items() if group in found), "")


_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev)\.")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Tokens (start, end, text); sentence punctuation at a word's end is a token of its own."""
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        s, e, t = m.start(), m.end(), m.group()
        if len(t) > 1 and t[-1] in ".!?…" and not _ABBREVIATION.fullmatch(t):
            out.append((s, e - 1, t[:-1]))
            out.append((e - 1, e, t[-1]))
        else:
            out.append((s, e, t))
    return out


# Lower-case words that cannot sit inside a speaker phrase (they end it).
_FUNCTION_WORDS = {"that", "which", "who", "whom", "whose", "and", "or", "but", "to", "of", "in", "on", "at", "for",
                   "with", "by", "from", "as", "is", "was", "were", "are", "has", "have", "had", "be", "been",
                   "not", "also", "it", "this", "there", "when", "while", "if", "than", "then", "into", "over",
                   "after", "before", "about", "said", "says", "told", "say", "so", "what", "how", "up", "out",
                   "would", "could", "should", "will", "can", "may", "might", "must", "did", "do", "does"}
_QUANTIFIERS = DETERMINERS | {"several", "some", "many", "two", "three", "four", "five", "most", "other", "both",
                              "few", "numerous", "various", "dozens", "hundreds", "one"}
_POSS = re.compile(r"[’']s?$")


_AMOUNT = re.compile(r"\d[\d,.]*%?|percent|per\s?cent|majority|majorities|half|third|quarter|most|all", re.IGNORECASE)


def _np_token(tok: str) -> bool:
    bare = _POSS.sub("", tok)
    return bool(bare) and (is_name_token(tok) or bool(lexicon_class(bare)) or bool(_AMOUNT.fullmatch(tok)) or
                           (bare != tok and (is_capitalised(bare) or bool(lexicon_class(bare)))))


def _plain_word(tok: str) -> bool:
    """An unknown lower-case word that may be a noun or adjective of a speaker phrase."""
    tok = _POSS.sub("", tok)  # "the UN children's agency"
    return tok.isalpha() and tok.islower() and tok not in _FUNCTION_WORDS and tok not in VERB_KINDS


def _collect_back(toks, i: int) -> int:
    """Index of the first token of the noun phrase ending at toks[i] (i + 1 when there is none)."""
    j = i
    while j >= 0:
        t = toks[j][2]
        low = t.lower()
        if low in _QUANTIFIERS and j < i:
            if low == "the" and j > 1 and toks[j - 1][2].lower() in _JOINERS and _np_token(toks[j - 2][2]):
                j -= 1  # "the General Command of the Army"
                continue
            return j
        if _np_token(t):
            j -= 1
            continue
        if low in _JOINERS and 0 < j < i and _np_token(toks[j - 1][2]) and \
                (_np_token(toks[j + 1][2]) or toks[j + 1][2].lower() in _QUANTIFIERS):
            j -= 1
            continue
        if _plain_word(t) and low not in _QUANTIFIERS:  # "the rebels' political office", "several delegates"
            k = j
            while k >= 0 and k > j - 3 and _plain_word(toks[k][2]) and toks[k][2].lower() not in _QUANTIFIERS:
                k -= 1
            if 0 <= k < j and (toks[k][2].lower() in _QUANTIFIERS or _np_token(toks[k][2])):
                j = k
                continue
        break
    return j + 1


def _boundary_ok(toks, j: int) -> bool:
    """The token before a speaker phrase must end a clause (or there is none)."""
    return j < 0 or toks[j][2] in _BOUNDARY_PUNCT or toks[j][2].lower() in _BOUNDARY_WORDS


def _phrase_before(toks, i: int) -> int | None:
    """First token index of a speaker phrase ending at toks[i] that starts a clause, else None."""
    j = _collect_back(toks, i)
    if j > i or not _boundary_ok(toks, j - 1):
        return None
    if j < i and toks[j][2].lower() in _QUANTIFIERS and not any(_np_token(t[2]) for t in toks[j + 1:i + 1]) \
            and not lexicon_class(_POSS.sub("", toks[i][2])) and toks[j][2].lower() in DETERMINERS:
        return None  # "the decision" is no speaker: a bare determiner needs a known head or a name
    return j


def subject_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Span of the speaker phrase that ends right before `end` (skipping "also", "has" …):
    "X", "ROLE X", "X, the ROLE,", "X, who …,", "X, speaking to …,", "X, which …" (relative)."""
    toks = _tokens(text, max(lo, end - 180), end)
    i = len(toks) - 1
    while i >= 0 and toks[i][2].lower() in _BETWEEN:
        i -= 1
    if i < 0:
        return None
    low = toks[i][2].lower()
    if low in PRONOUNS:
        return (toks[i][0], toks[i][1]) if _boundary_ok(toks, i - 1) else None
    if low in ("who", "which") and i > 0 and toks[i - 1][2] == ",":  # "State television, which had insisted"
        j = _phrase_before(toks, i - 2) if i > 1 else None
        return (toks[j][0], toks[i - 2][1]) if j is not None else None
    if toks[i][2] == ",":  # "X, the ROLE, said" / "X, who asked not to be named, said" / "X, reached by phone, said"
        end, found = i, None
        for _ in range(3):  # up to three appositions: "X, a commander in the PMF (PMF), the umbrella …, said"
            k = end - 1
            while k >= 0 and toks[k][2] not in {",", "“", "”", '"', ";", ":"} and k > end - 30:
                k -= 1
            middle = [t[2] for t in toks[k + 1:end]]
            if k < 1 or toks[k][2] != "," or not middle:
                break
            if not opens_relative(middle[0]):
                m = _collect_back(toks, _skip_parentheses(toks, end - 1))
                if m > k + 1 and not (middle[0].lower() in _QUANTIFIERS or middle[0][:1].isdigit()):
                    break  # the middle is neither a noun phrase nor a relative clause
            last = _skip_parentheses(toks, k - 1)
            j = _phrase_before(toks, last)
            if j is None:
                if middle[0].lower() not in DETERMINERS and not opens_relative(middle[0]):
                    break
            elif found is not None and not is_name_token(toks[last][2]):
                break  # only a name stands before a description apposition ("As rebels advanced, the army, …")
            elif j == 0 or toks[j - 1][2] != "," or toks[j][2][:1].isupper():  # a name, not "the …" or "54"
                return toks[j][0], toks[i - 1][1]
            elif found is None:  # "a commander in the PMF", "the leader of HTS" may itself follow the name
                found = j
            end = k
        return (toks[found][0], toks[i - 1][1]) if found is not None else None
    j = _phrase_before(toks, _skip_parentheses(toks, i))
    if j is None:
        j = _located_phrase(toks, _skip_parentheses(toks, i))
    if j is None:
        return None
    return toks[j][0], toks[i][1]


_LOCATIVE = {"on", "in", "from", "near", "inside", "across", "at", "along", "with", "to"}


def _skip_parentheses(toks, i: int) -> int:
    """Index of the token before a closing "(SNA)" group ending at toks[i] (i when there is none)."""
    if i < 0 or toks[i][2] != ")":
        return i
    for k in range(i - 1, max(i - 8, 0), -1):
        if toks[k][2] == "(":
            return k - 1
    return i


def _located_phrase(toks, i: int) -> int | None:
    """"residents on the Syrian side", "officials in the city": people placed by a phrase."""
    if not any(t[2] in _LOCATIVE for t in toks[max(0, i - 7):i]):
        return None
    j = _collect_back(toks, i)
    if 0 < j <= i and toks[j - 1][2].lower() in DETERMINERS:
        j -= 1
    if j < 2 or toks[j - 1][2].lower() not in _LOCATIVE:
        return None
    k = j - 2
    if toks[j - 1][2].lower() == "to":  # "a source close to Hezbollah"
        if toks[k][2].lower() != "close":
            return None
        k -= 1
    if k < 0 or lexicon_class(_POSS.sub("", toks[k][2])) not in ("people", "role"):
        return None
    return _phrase_before(toks, k)


def subject_after(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """Span of the speaker phrase right after an inverted verb ("said Trump", "according to a war
    monitor"), with an appositive after a name ("said Lavrov, Russia's foreign minister")."""
    toks = _tokens(text, start, min(hi, start + 120))
    i = 0
    if toks and toks[0][2].lower() in _QUANTIFIERS:
        i = 1
    j = i
    while j < len(toks):
        t = toks[j][2]
        if _np_token(t) or (t.lower() in _JOINERS | _QUANTIFIERS and 0 < j < len(toks) - 1 and
                            (_np_token(toks[j + 1][2]) or toks[j + 1][2].lower() in _QUANTIFIERS)):
            j += 1
            continue
        if _plain_word(t) and j + 1 < len(toks) and _np_token(toks[j + 1][2]):
            j += 1  # "a volunteer group", "a senior Gulf diplomat"
            continue
        break
    while j > i and toks[j - 1][2].lower() in _JOINERS | _QUANTIFIERS:
        j -= 1
    if j == i:
        if toks and toks[0][2].lower() in PRONOUNS:
            return toks[0][0], toks[0][1]
        return None
    end = toks[j - 1][1]
    if j + 1 < len(toks) and toks[j][2] == ",":
        k = j + 1
        while k < len(toks) and (_np_token(toks[k][2]) or toks[k][2].lower() in _JOINERS | _QUANTIFIERS
                                 or _plain_word(toks[k][2])):
            k += 1
        role = any(lexicon_class(_POSS.sub("", t[2])) == "role" for t in toks[j + 1:k])
        name = all(is_name_token(t[2]) for t in toks[j + 1:k])  # "said an SDF commander, Rojhat Amed."
        if (role or name) and k > j + 1 and (k == len(toks) or toks[k][2] in {",", ".", "!", "?", "-", "—", "–"}):
            end = toks[k - 1][1]
    return toks[0][0], end


_ACCORDING_SOURCE = re.compile(r"\s+([^,;:“”\"()—–]{2,150}?)\s*(?:[,;:—–(]|[.!?…]*\s*$)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?…)\]—–-]|$)")
_TO_THAT = re.compile(r"(?:\s+[\w’'.-]+){1,7}?\s+that\b\s*")
_PREPOSITIONS = {"for", "on", "in", "at", "during", "after", "before", "late", "early", "last", "from", "to", "by",
                 "when", "while", "with", "earlier", "later", "this", "over", "via", "through", "outside",
                 "inside", "near", "following", "ahead"}


def _skip_to_that(text: str, pos: int, told: bool) -> int:
    """"told the Tass and RIA news agencies that …", "acknowledged for the first time on Saturday
    that …": a short phrase before "that" belongs to the attribution, not to the content."""
    m = _TO_THAT.match(text, pos)
    if not m or any(c in m.group() for c in "“”\"‘"):
        return pos
    first = m.group().split()[0].lower()
    return m.end() if told or first in _PREPOSITIONS else pos


_OPENS_WITH_NAME = re.compile(r"\s*(?:(?:The|A|An|Their|Its|His|Her)\s+)?[A-Z][\w’'.-]*[\s,:]")


def sentence_subject(text: str) -> tuple[int, int] | None:
    """The speaker phrase opening a sentence ("Kremlin spokesman Dmitry Peskov on Monday declined
    …, saying: …"), for a participle that has no cue before it."""
    if not _OPENS_WITH_NAME.match(text):
        return None
    span = subject_after(text, 0, min(len(text), 160))
    return span if span and span[0] == len(text) - len(text.lstrip()) else None


_SENTENCE_BREAK = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Maj|Capt|Sen|Rep|Gov|Jr|Sr)\.)[A-Za-z]{2,}[.!?]\s+[A-Z]")
_SHOUTED = re.compile(r"\b[A-Z]{3,}\b")


# a name and "and" (or a lone "the") right before a subject: it is one of several ("the WHO and UNICEF said")
_COORDINATED_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}(?:and|or)\s+$|\b[Tt]he\s+$")


def _plausible_subject(text: str, span: tuple[int, int] | None, masked: list[tuple[int, int]]) -> bool:
    """A speaker phrase lies outside quotes, within one sentence, and is no all-caps shouting."""
    if span is None:
        return False
    phrase = text[span[0]:span[1]]
    if any(s < span[1] and span[0] < e for s, e in masked):
        return False
    if ("." in phrase or "!" in phrase or "?" in phrase) and _SENTENCE_BREAK.search(phrase):
        return False
    return not phrase.isupper() or len(_SHOUTED.findall(phrase)) < 2


def find_cues(text: str, masked: list[tuple[int, int]]) -> list[Cue]:
    """Speech-verb cues of one sentence; `masked` are spans (quotes) where verbs do not count."""
    cues: list[Cue] = []
    for m in _VERB.finditer(text):
        vs, ve = m.start(), m.end()
        if (vs and text[vs - 1] in "’'-") or any(s <= vs < e for s, e in masked):
            continue
        verb = " ".join(m.group().split())
        low = verb.lower()
        if verb[0].isupper() and low != "according to" and vs > 0:
            continue  # a capitalised "Says" mid-sentence is a title, not a verb
        prev = text[max(0, vs - 40):vs].split()
        before = prev[-1].lower() if prev else ""
        kind = VERB_KINDS.get(low, "speech")
        naming = kind.startswith("naming")
        kind = "participle" if kind.endswith("participle") else kind
        if low != "according to" and before in _NOT_REPORT_AFTER and \
                not (kind == "participle" and before in _PROGRESSIVE_AUX):
            continue
        told = low in _TELL
        after = ve
        if told:
            r = _RECIPIENT.match(text, ve)
            if not r:
                continue
            after = r.end()
        tail = _TAIL.match(text, after)
        tail_text = text[ve:tail.end()]
        media = _TOLD_MEDIA.match(text[ve:]) if told else None
        channel = channel_of(tail_text) or (" ".join(media.group(1).split()) if media else "")
        if low == "according to":  # the source runs to the next comma or the sentence's end
            src = _ACCORDING_SOURCE.match(text, ve)
            subj = (src.start(1), src.end(1)) if src else None
            if subj:
                cues.append(Cue(vs, ve, low, subj, True, subj[1], channel, False, False, False))
            continue
        lead_pos = _skip_to_that(text, tail.end(), told)
        lead = _LEAD_IN.match(text, lead_pos)
        comma_after = text[tail.end():lead.end()].strip().startswith(",") and lead_pos == tail.end()
        if kind == "participle" and before in _PROGRESSIVE_AUX:  # "Clinton is calling for …"
            aux_start = text.rfind(prev[-1], 0, vs)
            subj = subject_before(text, 0, aux_start)
            if subj:
                cues.append(Cue(vs, ve, verb, subj, False, lead.end(), channel, False, False, comma_after, naming))
            continue
        if kind == "participle":
            if not text[:vs].rstrip().rstrip("”\"'’").endswith(","):  # ", adding" / ',” adding'
                continue
            cues.append(Cue(vs, ve, verb, None, False, lead.end(), channel, True, False, False, naming))
            continue
        subj = subject_before(text, 0, vs)
        subj = subj if _plausible_subject(text, subj, masked) else None
        if subj and text[max(0, subj[0] - 4):subj[0]].endswith(("and ", "or ", "the ", "The ")):
            more = _COORDINATED_BEFORE.search(text, max(0, subj[0] - 60), subj[0])
            if more and _plausible_subject(text, (more.start(), subj[1]), masked):
                subj = (more.start(), subj[1])
        conjoined = subj is None and before in ("and", "but") and bool(cues)
        if subj is None and not conjoined:
            inv = subject_after(text, tail.end(), len(text)) if _inverted_context(text, vs) and not naming else None
            if _plausible_subject(text, inv, masked):
                rest = _TAIL.match(text, inv[1])
                if _CLAUSE_END.match(text, rest.end()):
                    channel = channel or channel_of(text[inv[1]:rest.end()])
                    cues.append(Cue(vs, ve, verb, inv, True, rest.end(), channel, False, False, False))
                    continue
            if low not in _PLAIN_SPEECH:
                continue
        cues.append(Cue(vs, ve, verb, subj, False, lead.end(), channel, False, conjoined, comma_after, naming))
    return cues


def _inverted_context(text: str, vs: int) -> bool:
    """'said X' only right after a quote or a comma: “…,” said Trump / …, said the ministry."""
    before = text[:vs].rstrip()
    return before.endswith((",", "”", '"', "’", "'", "—", "–")) or before.endswith((",”", '."', ".”", "!”", "?”"))
