"""A small, general lexicon of English news paraphrase clusters (English only).

Outlets rarely copy each other; they restate the same fact in their own words:
"talks" for "negotiations", "phone conversation" for "call", "truce" for "ceasefire".
Each cluster below groups words that news prose uses interchangeably for one notion.
The aligner (:mod:`reader.core.scoring`) gives two sentences *partial* credit when
they use different members of a cluster, weighted by how rare the cluster itself is in
the event, so a cluster shared by every sentence of the story ("war/conflict" in a war
story) still weighs next to nothing.

Rules the clusters follow:

* **General only.** Written from general knowledge of news English across politics,
  diplomacy, economy, crime and justice, disasters, health, science and sport; no
  names, places or anything specific to one event.
* **Same notion, not same topic.** Members must be substitutable in a sentence that
  states one fact ("arrested/detained"), not merely related ("police/crime").
* **No reporting verbs.** "said/stated/remarked/noted" are in no cluster: who said
  something in which words is attribution, and attribution alone never makes two
  sentences report the same claim. Shared reporting verbs earn no credit at all
  (:data:`REPORTING_VERBS`).
* **Unambiguous words.** A word whose usual senses differ a lot ("state", "power",
  "case") is left out rather than put in a cluster where half its uses would be wrong.

Words are written in any inflected form; :func:`concept_keys` maps the *stems*
(:func:`reader.core.textnorm.stem`) to cluster keys, so "negotiated", "negotiations"
and "negotiating" all belong to the talks cluster. A word may belong to two clusters
("call" is a phone call and a demand). Other languages get no clusters: their words
simply match exactly or not at all.
"""

from __future__ import annotations

from functools import lru_cache

from reader.core.textnorm import STOP_WORDS, stem

CLUSTERS: tuple[tuple[str, ...], ...] = (
    # --- diplomacy and politics ---
    ("talks", "negotiations", "discussions", "dialogue", "parley", "deliberations"),
    ("meeting", "summit", "meet", "gathering", "encounter", "sitdown", "rendezvous"),
    ("call", "phone", "telephone", "conversation", "phonecall"),
    ("leader", "president", "premier", "chief"),
    ("prime", "premier"),
    ("agreed", "consented", "accepted", "approved", "endorsed", "assented"),
    ("agreement", "deal", "accord", "pact", "treaty", "settlement", "arrangement"),
    ("invite", "invitation", "invited"),
    ("officials", "team", "delegation", "advisers", "envoys", "representatives", "emissaries"),
    ("envoy", "emissary", "representative", "intermediary", "mediator"),
    ("spokesman", "spokeswoman", "spokesperson", "spokesperson's", "press secretary"),
    ("war", "conflict", "fighting", "hostilities", "warfare", "combat"),
    ("ceasefire", "truce", "armistice", "cessation"),
    ("aid", "assistance", "support", "help", "backing"),
    ("peace", "resolution", "settlement", "reconciliation"),
    ("end", "halt", "stop", "conclude", "terminate", "cease"),
    ("start", "begin", "initiate", "launch"),
    ("immediately", "promptly", "instantly", "forthwith", "right away"),
    ("soon", "shortly", "imminently", "presently"),
    ("cooperation", "collaboration", "partnership", "teamwork", "coordination"),
    ("visit", "trip", "travel", "tour", "journey"),
    ("capital", "capitals"),
    ("country", "nation", "countries", "nations"),
    ("territory", "land", "lands", "territories", "region"),
    ("border", "boundary", "frontier", "borders", "boundaries"),
    ("sovereignty", "independence", "autonomy"),
    ("concession", "compromise", "concede", "yield", "cede", "give up"),
    ("demand", "demands", "insist", "insisted", "require", "condition", "conditions"),
    ("refuse", "reject", "rebuff", "decline", "oppose", "dismiss"),
    ("unlikely", "improbable", "doubtful", "implausible"),
    ("likely", "probable", "probably"),
    ("possibility", "prospect", "potential", "chance", "likelihood"),
    ("plan", "intend", "intention", "aim", "intent", "plans"),
    ("confirm", "acknowledge", "verify", "corroborate"),
    ("deny", "denial", "refute", "dispute"),
    ("warn", "caution", "alert", "warning"),
    ("threat", "threaten", "danger", "risk", "menace"),
    ("brief", "inform", "update", "notify", "apprise"),
    ("election", "vote", "poll", "ballot", "referendum"),
    ("win", "victory", "triumph", "won"),
    ("lose", "defeat", "loss", "lost"),
    ("candidate", "contender", "nominee"),
    ("government", "administration", "cabinet", "executive"),
    ("parliament", "congress", "legislature", "assembly", "senate"),
    ("law", "legislation", "bill", "statute", "act"),
    ("minister", "secretary"),
    ("ambassador", "diplomat", "envoy"),
    ("sanction", "sanctions", "embargo", "penalty", "penalties"),
    ("ally", "allies", "partner", "partners", "allied"),
    ("opponent", "rival", "adversary", "enemy", "foe"),
    ("protest", "demonstration", "rally", "march", "unrest"),
    ("resign", "resignation", "quit", "step down", "stepped"),
    ("appoint", "nominate", "designate", "tasked", "task", "enlist"),
    ("criticize", "criticise", "condemn", "denounce", "slam", "blast", "rebuke"),
    ("praise", "hail", "applaud", "laud"),
    ("support", "endorse", "favor", "favour", "champion"),
    ("important", "significant", "crucial", "vital", "key", "critical", "essential"),
    ("importance", "significance", "relevance"),
    ("productive", "constructive", "fruitful", "useful"),
    ("long", "lengthy", "extended", "prolonged", "protracted"),
    ("optimism", "confidence", "hope", "optimistic", "confident", "hopeful"),
    ("concern", "worry", "fear", "anxiety", "apprehension"),
    ("mutual", "reciprocal", "bilateral", "shared", "joint"),
    ("together", "jointly", "collectively"),
    ("relations", "ties", "relationship", "links"),
    ("policy", "strategy", "approach"),
    ("stance", "posture", "standpoint"),
    ("firm", "steadfast", "unwavering", "adamant"),
    ("propose", "proposal", "suggest", "suggestion", "offer", "floated"),
    ("topic", "subject", "issue", "matter", "agenda"),
    ("framework", "roadmap", "blueprint", "plan", "outline"),
    ("guarantee", "assurance", "pledge", "commitment", "promise", "vow"),
    ("security", "safety", "protection", "defence", "defense"),
    ("first", "initial", "inaugural", "maiden"),
    ("recent", "latest", "new", "fresh"),
    ("former", "ex", "previous", "past", "erstwhile"),
    ("future", "upcoming", "forthcoming", "coming"),
    ("ongoing", "continuing", "current"),
    ("host", "hosted", "venue"),
    ("contact", "communication", "correspondence"),
    # --- military and security ---
    ("troops", "soldiers", "forces", "military", "army", "servicemen"),
    ("attack", "strike", "assault", "raid", "offensive", "bombardment"),
    ("missile", "rocket", "projectile"),
    ("drone", "uav", "unmanned"),
    ("invade", "invasion", "incursion", "occupation"),
    ("annex", "annexation", "seize", "seizure", "capture", "occupy"),
    ("withdraw", "withdrawal", "retreat", "pullout", "pull"),
    ("weapons", "arms", "weaponry", "munitions", "armaments"),
    ("gains", "advances", "conquests", "captured"),
    ("civilians", "residents", "people", "population", "inhabitants"),
    ("killed", "dead", "died", "deaths", "fatalities", "death", "toll"),
    ("injured", "wounded", "hurt", "casualties", "injuries"),
    ("prisoner", "captive", "detainee", "hostage"),
    ("swap", "exchange"),
    ("release", "free", "freed", "liberate"),
    ("escalate", "escalation", "intensify", "worsen"),
    ("de-escalate", "defuse", "calm", "ease"),
    # --- economy and business ---
    ("economy", "economic", "growth", "gdp"),
    ("rise", "increase", "climb", "jump", "surge", "soar", "grow", "hike", "rose"),
    ("fall", "decrease", "decline", "drop", "slump", "plunge", "slide", "tumble", "fell"),
    ("price", "cost", "rate", "fee", "tariff"),
    ("tariff", "duty", "levy", "tax"),
    ("inflation", "price rises"),
    ("company", "firm", "business", "corporation", "enterprise"),
    ("profit", "earnings", "income", "revenue"),
    ("loss", "deficit", "shortfall"),
    ("job", "employment", "jobs"),
    ("worker", "employee", "staff", "workforce", "personnel"),
    ("layoff", "cut", "redundancy", "dismissal"),
    ("market", "bourse"),
    ("share", "stock", "equity", "shares"),
    ("shareholder", "stockholder"),
    ("invest", "investment", "funding", "finance"),
    ("money", "funds", "cash", "financing"),
    ("billion", "bn"),
    ("million", "mn"),
    ("percent", "per cent", "%", "pct"),
    ("bank", "lender"),
    ("buy", "purchase", "acquire", "acquisition", "takeover"),
    ("sell", "sale", "divest", "offload"),
    ("merge", "merger", "combine", "consolidation"),
    ("trade", "commerce", "exports"),
    ("energy", "electricity", "fuel"),
    ("oil", "crude", "petroleum"),
    ("gas", "natural gas", "lng"),
    ("budget", "spending", "expenditure", "outlay"),
    ("debt", "borrowing", "liabilities", "loans"),
    ("recession", "downturn", "slowdown", "contraction", "slump"),
    ("forecast", "projection", "estimate", "outlook", "prediction"),
    ("consumer", "customer", "shopper", "buyer"),
    # --- crime and justice ---
    ("arrest", "detain", "apprehend", "custody", "detention"),
    ("charge", "indict", "accuse", "prosecute", "indictment", "charges"),
    ("convict", "conviction", "guilty", "sentenced"),
    ("acquit", "acquittal", "cleared", "exonerate"),
    ("jail", "prison", "imprisonment", "imprisoned", "jailed"),
    ("court", "tribunal", "judge", "judiciary"),
    ("trial", "hearing", "proceedings"),
    ("lawyer", "attorney", "counsel", "solicitor", "barrister"),
    ("police", "officers", "authorities", "law enforcement"),
    ("suspect", "accused", "defendant", "perpetrator"),
    ("victim", "casualty"),
    ("probe", "inquiry", "inquest"),
    ("murder", "homicide", "killing", "slaying"),
    ("shooting", "gunfire", "gunman", "shot"),
    ("steal", "theft", "robbery", "burglary", "stole", "stolen"),
    ("fraud", "scam", "embezzlement", "deception"),
    ("corruption", "bribery", "graft", "kickback"),
    ("evidence", "proof", "testimony"),
    ("witness", "bystander", "onlooker"),
    ("illegal", "unlawful", "illicit", "criminal"),
    ("ban", "prohibit", "outlaw", "forbid"),
    ("appeal", "contest"),
    ("ruling", "verdict", "judgment", "decision"),
    # --- disasters, accidents, weather ---
    ("earthquake", "quake", "tremor", "temblor"),
    ("flood", "flooding", "deluge", "inundation"),
    ("storm", "hurricane", "cyclone", "typhoon", "tempest"),
    ("fire", "blaze", "wildfire", "inferno", "flames"),
    ("explosion", "blast", "detonation"),
    ("crash", "collision", "accident", "wreck"),
    ("evacuate", "evacuation", "flee", "displaced"),
    ("rescue", "save", "recover", "retrieve"),
    ("rescuers", "responders", "emergency"),
    ("damage", "destruction", "devastation", "destroyed", "damaged"),
    ("collapse", "cave", "crumble"),
    ("drought", "dry", "shortage"),
    ("temperature", "heat", "heatwave"),
    ("missing", "unaccounted", "disappeared"),
    # --- health and science ---
    ("disease", "illness", "infection", "sickness", "ailment"),
    ("outbreak", "epidemic", "pandemic", "spread"),
    ("vaccine", "vaccination", "jab", "shot", "immunisation", "immunization"),
    ("hospital", "clinic", "medical"),
    ("doctor", "physician", "clinician", "medic"),
    ("patient", "sufferer"),
    ("treatment", "therapy", "cure", "medication", "drug"),
    ("study", "research", "paper"),
    ("researcher", "scientist", "expert", "academic", "analyst", "specialist"),
    ("analyst", "observer", "pundit", "expert"),
    ("find", "discover", "reveal", "show", "finding", "discovery"),
    ("climate", "warming", "emissions"),
    ("pollution", "contamination", "emissions"),
    ("space", "orbit", "spacecraft", "mission"),
    ("technology", "tech", "innovation"),
    ("artificial", "ai"),
    ("data", "figures", "statistics"),
    ("test", "experiment", "trial"),
    # --- people, time, generic news predicates ---
    ("child", "children", "kids", "minors"),
    ("woman", "women", "female"),
    ("man", "men", "male"),
    ("teacher", "educator", "schoolteacher", "instructor"),
    ("student", "pupil", "learner"),
    ("citizen", "resident"),
    ("refugee", "migrant", "asylum", "displaced"),
    ("immediate", "urgent", "pressing"),
    ("huge", "massive", "enormous", "vast", "major", "large", "big"),
    ("small", "minor", "modest", "slight"),
    ("quickly", "rapidly", "swiftly", "fast"),
    ("again", "once more", "anew"),
    ("repeatedly", "consistently", "persistently", "frequently"),
    ("nearly", "almost", "approximately", "roughly", "around", "about"),
    ("more than", "over", "above", "exceeding"),
    ("week", "weeks", "weekly"),
    ("day", "days", "daily"),
    ("year", "years", "annual", "annually"),
    ("month", "months", "monthly"),
    ("hour", "hours", "minutes"),
    ("today", "tonight", "this morning"),
    ("help", "assist", "aid"),
    ("try", "attempt", "effort", "seek", "bid", "push"),
    ("achieve", "reach", "secure", "attain", "obtain", "accomplish"),
    ("build", "construct", "erect", "develop"),
    ("change", "shift", "alter", "modify", "transform"),
    ("keep", "retain", "maintain", "preserve"),
    ("create", "establish", "set up", "found"),
    ("lead", "chair", "spearhead", "helm"),
    ("result", "outcome", "consequence", "effect"),
    ("cause", "trigger", "spark", "prompt", "provoke"),
    ("expect", "anticipate", "foresee", "predict"),
    ("receive", "get", "obtain"),
    ("give", "provide", "supply", "deliver", "grant"),
    ("send", "dispatch", "deploy"),
    ("call for", "urge", "appeal", "press"),
    ("ask", "request", "asked", "requested"),
    ("answer", "reply", "respond", "response"),
    ("remove", "eliminate", "scrap", "abolish"),
    ("allow", "permit", "enable", "authorize", "authorise"),
    ("prevent", "stop", "block", "hinder", "thwart"),
    ("reduce", "lower", "cut", "curb", "trim", "ease"),
    ("goal", "target", "objective", "aim", "purpose"),
    ("problem", "issue", "difficulty", "challenge", "trouble"),
    ("crisis", "emergency", "turmoil"),
    ("source", "insider"),
    ("stalling", "delay", "postpone", "postponement", "stall"),
    ("tactic", "ploy", "maneuver", "manoeuvre", "strategy"),
    ("end", "resolve", "resolution"),
    ("desire", "wish", "want", "willingness", "eagerness", "keen"),
    ("prepare", "preparation", "ready", "readiness"),
    ("participate", "engage", "involve", "join", "participation"),
    ("team", "group", "panel", "committee"),
    ("unwilling", "reluctant", "unwillingness", "reluctance"),
    ("symbolic", "symbol", "gesture"),
    ("lasting", "durable", "permanent", "enduring"),
    ("temporary", "interim", "provisional"),
    ("secret", "covert", "clandestine", "confidential"),
    ("nuclear", "atomic"),
    ("agency", "regulator", "watchdog"),
    ("executive", "ceo", "boss"),
    ("launch", "unveil", "introduce", "debut"),
    ("university", "college"),
    ("funeral", "burial"),
    ("wedding", "marriage"),
    ("immigration", "migration"),
    ("deport", "deportation", "expel", "expulsion"),
    ("coalition", "alliance", "bloc"),
    ("survey", "poll"),
    ("rule", "regulation", "guideline"),
    ("reform", "overhaul", "revamp"),
    ("scandal", "controversy", "uproar", "outcry"),
    ("angry", "furious", "outraged", "anger", "outrage", "fury"),
    ("surprise", "unexpected", "shock", "surprising"),
    ("anniversary", "jubilee"),
    ("squad", "team", "roster"),
    ("coach", "manager", "trainer"),
    ("match", "game", "fixture"),
    ("champion", "winner", "titleholder"),
    ("tournament", "competition", "cup"),
    ("player", "athlete"),
    ("fan", "spectator"),
    ("stadium", "arena"),
    ("transfer", "signing"),
    ("record", "unprecedented"),
    ("quarter", "three months"),
    ("salary", "wage", "pay", "wages"),
    ("strike", "walkout", "stoppage"),
    ("union", "syndicate"),
    ("tenant", "renter"),
    ("house", "home", "dwelling"),
    ("rent", "lease"),
    ("vehicle", "car", "automobile"),
    ("flight", "aircraft", "airliner", "jet"),
    ("airport", "airfield"),
    ("train", "railway", "rail"),
    ("road", "highway", "motorway"),
    ("ship", "vessel", "boat"),
)
"""The clusters. Each tuple is one notion; multi-word entries ("step down") are kept
for completeness of the notion but only single words can match (words are compared
one by one)."""


REPORTING_VERBS: tuple[str, ...] = (
    "acknowledge",
    "add",
    "announce",
    "argue",
    "assert",
    "characterize",
    "characterise",
    "describe",
    "echo",
    "emphasize",
    "emphasise",
    "explain",
    "express",
    "highlight",
    "indicate",
    "insist",
    "mention",
    "note",
    "remark",
    "report",
    "signal",
    "stress",
    "suggest",
    "tweet",
    "write",
    "wrote",
)
"""Verbs that attribute a statement rather than state a fact ("emphasized",
"described", "expressed"). Two sentences that share one of them share who-said-how,
not what was said, so such a word earns no shared credit (it still counts in the
sentence's own weight). Left out where the stem is also a content word of its own:
"state" (the United States), "according" (an accord), "underscore" (understanding),
"claim" (territorial claims), "declare" (a declaration). "said"/"told"/"says" are stop
words already."""


def _cluster_stems(cluster: tuple[str, ...]) -> set[str]:
    """Stems of the single-word, non-stop-word members of one cluster."""
    stems: set[str] = set()
    for word in cluster:
        word = word.casefold()
        if word in STOP_WORDS or not word.isalpha():
            continue  # multi-word and hyphenated entries: words are compared one by one
        stems.add(stem(word))
    return stems


def _build() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for number, cluster in enumerate(CLUSTERS):
        stems = _cluster_stems(cluster)
        if len(stems) < 2:
            continue  # one stem (invite/invitation): the stemmer already merges them
        key = f"~{number}"
        for item in stems:
            table.setdefault(item, set()).add(key)
    return {item: frozenset(keys) for item, keys in table.items()}


_TABLE = _build()


def _inflections(verb: str) -> tuple[str, ...]:
    """The verb with its regular -s, -ed and -ing forms (describe, describes, ...)."""
    base = verb[:-1] if verb.endswith("e") else verb
    return (verb, verb + "s", base + "ed", base + "ing")


ATTRIBUTION_STEMS = frozenset(stem(form) for verb in REPORTING_VERBS for form in _inflections(verb))
"""Stems of the reporting verbs in all their inflections (see :data:`REPORTING_VERBS`)."""


@lru_cache(maxsize=65536)
def concept_keys(word_stem: str) -> frozenset[str]:
    """Cluster keys (``"~<n>"``) of one stem; empty when the word is in no cluster."""
    return _TABLE.get(word_stem, frozenset())


def cluster_members(key: str) -> frozenset[str]:
    """Stems that carry cluster key ``key`` (for tests and display)."""
    return frozenset(s for s, keys in _TABLE.items() if key in keys)
