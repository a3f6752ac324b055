use super::*;
use crate::meeting_file;

const EXAMPLE: &str = include_str!("../../tests/fixtures/v2/ministers-en-fr.meeting.json");

fn example() -> serde_json::Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// A change to the example document.
type Change = fn(&mut serde_json::Value);

/// The error reading `value` gives, as `path: message`.
fn refused(value: &serde_json::Value) -> String {
    let e = from_value("m.json", value).expect_err("refused");
    assert_eq!(e.file, "m.json");
    format!("{}: {}", e.path, e.message)
}

#[test]
fn the_example_reads_and_writes_back_byte_for_byte() {
    let m = parse("m.json", EXAMPLE.as_bytes()).unwrap();
    assert_eq!(m.releases.len(), 2);
    let en = &m.releases[0];
    assert_eq!(en.dateline.position, DatelinePosition::Lead);
    assert_eq!(
        en.items[0].blocks[1],
        Block::p(
            "p2",
            vec![
                Run::Quote(QuoteSpan {
                    quote: "q-together".into(),
                    attribution: Some(Attribution::AfterSubject),
                    ..QuoteSpan::default()
                }),
                Run::Text(" ".into()),
                Run::Quote(QuoteSpan {
                    quote: "q-wait".into(),
                    verb: Some("asked".into()),
                    clause: Some(vec![Run::Text("closing the session".into())]),
                    ..QuoteSpan::default()
                }),
            ]
        )
    );
    assert_eq!(
        m.person("sg").unwrap().form(Language::Fr, Form::Pronoun),
        "elle"
    );
    assert_eq!(to_json(&m).unwrap(), EXAMPLE);
}

#[test]
fn person_forms_fall_back_as_v1_does() {
    let p = Person {
        id: "x".into(),
        name: "Jo Doe".into(),
        forms: BTreeMap::from([(
            Language::En,
            Forms {
                short: Some("Ms Doe".into()),
                ..Forms::default()
            },
        )]),
    };
    assert_eq!(p.form(Language::En, Form::Full), "Jo Doe");
    assert_eq!(p.form(Language::En, Form::Role), "Ms Doe");
    assert_eq!(p.form(Language::En, Form::Pronoun), "Ms Doe");
    assert_eq!(p.form(Language::Fr, Form::Short), "Jo Doe");
}

#[test]
fn a_mistake_deep_in_a_block_is_reported_with_its_whole_path() {
    let mut v = example();
    v["releases"][0]["items"][0]["blocks"][1]["p"][2]["verbb"] = "asked".into();
    let e = refused(&v);
    assert!(
        e.starts_with("releases[0].items[0].blocks[1].p[2].verbb: unknown field `verbb`"),
        "{e}"
    );

    let mut v = example();
    v["releases"][0]["items"][0]["blocks"][1]["p"][0]["attribution"] = "sideways".into();
    let e = refused(&v);
    assert!(
        e.starts_with(
            "releases[0].items[0].blocks[1].p[0].attribution: unknown variant `sideways`"
        ),
        "{e}"
    );

    let mut v = example();
    v["releases"][0]["items"][0]["blocks"][2]["entries"][1][0] = 7.into();
    let e = refused(&v);
    assert!(
        e.starts_with("releases[0].items[0].blocks[2].entries[1][0]: invalid type: integer `7`"),
        "{e}"
    );
}

#[test]
fn a_block_or_span_of_no_kind_or_two_is_refused() {
    let mut v = example();
    v["releases"][0]["lead"][0]["h"] = serde_json::json!(["Also a heading"]);
    assert!(
        refused(&v).starts_with("releases[0].lead[0]: a block has exactly one of \"p\""),
        "{}",
        refused(&v)
    );

    let mut v = example();
    v["releases"][0]["lead"][0]["p"][0] = serde_json::json!({"person": "sg", "quote": "q-ready"});
    assert!(
        refused(&v).starts_with("releases[0].lead[0].p[0]: a span has exactly one of"),
        "{}",
        refused(&v)
    );

    let mut v = example();
    v["releases"][0]["lead"][0]["p"][0] = serde_json::json!({"person": "sg", "verb": "said"});
    assert!(
        refused(&v).starts_with("releases[0].lead[0].p[0]: a mention has no \"verb\""),
        "{}",
        refused(&v)
    );

    let mut v = example();
    v["releases"][0]["lead"][0] = serde_json::json!(["text"]);
    assert!(
        refused(&v).starts_with("releases[0].lead[0]: a block is an object"),
        "{}",
        refused(&v)
    );
}

#[test]
fn only_a_numbered_list_starts_at_a_number_of_one_or_more() {
    // The worked example's list is at releases[0].items[0].blocks[2] (bulleted).
    let at = |v: &mut serde_json::Value| v["releases"][0]["items"][0]["blocks"][2].take();
    let mut v = example();
    let mut list = at(&mut v);
    assert_eq!(list["list"], "bulleted");
    list["start"] = serde_json::json!(4);
    v["releases"][0]["items"][0]["blocks"][2] = list.clone();
    assert!(
        refused(&v).starts_with("releases[0].items[0].blocks[2]: a bulleted list has no \"start\""),
        "{}",
        refused(&v)
    );
    list["list"] = serde_json::json!("numbered");
    list["start"] = serde_json::json!(0);
    v["releases"][0]["items"][0]["blocks"][2] = list.clone();
    assert!(
        refused(&v)
            .starts_with("releases[0].items[0].blocks[2]: \"start\" is the list's first number"),
        "{}",
        refused(&v)
    );
    let mut p = example();
    p["releases"][0]["items"][0]["blocks"][0]["start"] = serde_json::json!(2);
    assert!(
        refused(&p).starts_with("releases[0].items[0].blocks[0]: a paragraph has no \"start\""),
        "{}",
        refused(&p)
    );

    // Numbered from 4: read, and written back as it was.
    list["start"] = serde_json::json!(4);
    v["releases"][0]["items"][0]["blocks"][2] = list;
    let m = super::from_value("t", &v).unwrap();
    let back: serde_json::Value = serde_json::from_str(&super::to_json(&m).unwrap()).unwrap();
    assert_eq!(back["releases"][0]["items"][0]["blocks"][2]["start"], 4);
}

#[test]
fn references_must_resolve() {
    let cases: [(&str, Change, &str); 11] = [
        (
            "a quote placed in the release and in the boilerplate it ends with",
            |v| v["organisations"][0]["boilerplate"]["en"][0]["p"] = serde_json::json!([{"quote": "q-ready"}]),
            "organisations[0].boilerplate.en[0].p[0].quote: quote \"q-ready\" is placed twice in this release (first at releases[0].items[0].blocks[0].p[1].quote)",
        ),
        (
            "a quote placed twice",
            |v| v["releases"][0]["items"][1]["blocks"][1]["blockquote"] = "q-ready".into(),
            "releases[0].items[1].blocks[1].blockquote: quote \"q-ready\" is placed twice in this release (first at releases[0].items[0].blocks[0].p[1].quote)",
        ),
        (
            "mention",
            |v| v["releases"][0]["lead"][0]["p"][0]["person"] = "nobody".into(),
            "releases[0].lead[0].p[0].person: unknown person \"nobody\"",
        ),
        (
            "quote span",
            |v| v["releases"][0]["items"][0]["blocks"][0]["p"][1]["quote"] = "q-gone".into(),
            "releases[0].items[0].blocks[0].p[1].quote: unknown quote \"q-gone\"",
        ),
        (
            "block quote",
            |v| v["releases"][0]["items"][1]["blocks"][1]["blockquote"] = "q-gone".into(),
            "releases[0].items[1].blocks[1].blockquote: unknown quote \"q-gone\"",
        ),
        (
            "agenda item",
            |v| v["releases"][1]["items"][0]["item"] = "elsewhere".into(),
            "releases[1].items[0].item: unknown agenda item \"elsewhere\"",
        ),
        (
            "speaker",
            |v| v["agenda"][0]["quotes"][1]["speaker"] = "nobody".into(),
            "agenda[0].quotes[1].speaker: unknown speaker \"nobody\"",
        ),
        (
            "organisation",
            |v| v["meeting"]["organisation"] = "other".into(),
            "meeting.organisation: unknown organisation \"other\"",
        ),
        (
            "a language the meeting is not published in",
            |v| v["meeting"]["languages"] = serde_json::json!(["en"]),
            "organisations[0].name.fr: \"fr\" is not one of meeting.languages",
        ),
        (
            "original",
            |v| v["agenda"][0]["quotes"][3]["original"] = "fr".into(),
            "agenda[0].quotes[3].original: \"fr\": the quote has no words in it",
        ),
        (
            "fragment with a verb",
            |v| v["releases"][0]["items"][0]["blocks"][0]["p"][1]["verb"] = "said".into(),
            "releases[0].items[0].blocks[0].p[1].attribution: \"none\" quotes a fragment",
        ),
    ];
    for (what, change, expected) in cases {
        let mut v = example();
        change(&mut v);
        let e = refused(&v);
        assert!(e.starts_with(expected), "{what}: {e}");
    }
}

#[test]
fn ids_are_unique_where_they_are_looked_up() {
    let cases: [(Change, &str); 5] = [
        (
            |v| v["releases"][0]["closing"][0]["id"] = "p1".into(),
            "releases[0].closing[0].id: duplicate id \"p1\": ids are unique among a release's blocks",
        ),
        (
            |v| v["agenda"][1]["id"] = "ports".into(),
            "agenda[1].id: duplicate id \"ports\"",
        ),
        (
            |v| v["agenda"][0]["quotes"][2]["id"] = "q-ready".into(),
            "agenda[0].quotes[2].id: duplicate id \"q-ready\"",
        ),
        (
            |v| v["people"][1]["id"] = " chair".into(),
            "people[1].id: \" chair\": an id has no white space at either end",
        ),
        (
            |v| v["releases"][1]["language"] = "en".into(),
            "releases[1].language: a second release in \"en\"",
        ),
    ];
    for (change, expected) in cases {
        let mut v = example();
        change(&mut v);
        let e = refused(&v);
        assert!(e.starts_with(expected), "{e}");
    }
}

#[test]
fn links_are_https_http_or_mailto_only() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "//example.org",
        "example.org",
        "https:",
        "https:example.org",
        "https://",
        "mailto:",
        "https://example.org/a b",
        "https://example.org/\u{7}",
    ] {
        let mut v = example();
        v["releases"][0]["closing"][0]["p"][1]["link"] = bad.into();
        let e = refused(&v);
        assert!(
            e.starts_with("releases[0].closing[0].p[1].link: "),
            "{bad}: {e}"
        );
        assert!(e.contains(&format!("{bad:?}")), "{bad}: {e}");
    }
    for good in [
        "https://example.org/plan?x=1&y=2#z",
        "HTTP://example.org",
        "mailto:press@example.org?subject=Plan",
    ] {
        let mut v = example();
        v["releases"][0]["closing"][0]["p"][1]["link"] = good.into();
        from_value("m.json", &v).unwrap_or_else(|e| panic!("{good}: {e}"));
    }
    let mut v = example();
    v["releases"][0]["closing"][0]["p"][1]["text"] = serde_json::json!([" "]);
    assert!(refused(&v).starts_with("releases[0].closing[0].p[1].text: a link needs the phrase"));
}

#[test]
fn a_v1_file_is_refused_by_the_v2_reader_and_read_upgraded_by_parse_any() {
    let v1 = include_str!("../../tests/fixtures/examples/fisheries-en.meeting.json");
    let e = parse("f.json", v1.as_bytes()).unwrap_err();
    assert_eq!(e.path, "format");
    assert!(e.message.contains("communique.meeting.v2"), "{e}");
    let any = parse_any("f.json", v1.as_bytes()).unwrap();
    assert_eq!(
        any,
        upgrade(&meeting_file::parse("f.json", v1.as_bytes()).unwrap())
    );
    // And a v1 file's own mistakes are still reported as v1 reports them.
    let broken = v1.replacen("\"speaker\": \"", "\"speaker\": \"x", 1);
    let e = parse_any("f.json", broken.as_bytes()).unwrap_err();
    assert!(e.path.ends_with(".speaker"), "{e}");
}

#[test]
fn the_schema_describes_each_kind_of_block_and_span() {
    let schema = json_schema().to_string();
    for needle in [
        "\"Paragraph\"",
        "\"Blockquote\"",
        "\"Statement\"",
        "\"QuoteRef\"",
        "[mM][aA][iI][lL][tT][oO]:",
        "after-subject",
        "notes_to_editors",
    ] {
        assert!(schema.contains(needle), "{needle}");
    }
}

#[test]
fn the_example_in_the_docs_reads() {
    let doc = include_str!("../../../docs/meeting-file-v2.md");
    let json = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("a JSON example");
    let m = parse("docs/meeting-file-v2.md", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.info.languages, vec![Language::En, Language::Fr]);
}

/// The edits `ui/tests/unit/bindingsV2.test.ts` shows the generated TypeScript refusing (the
/// worked example as a `MeetingFileV2` literal): core refuses each of them too, so the UI's type
/// of the file is no looser than the file on these points.
#[test]
fn what_the_ui_bindings_refuse_core_refuses() {
    let changes: [(Change, &str); 9] = [
        (
            |m| m["releases"][0]["lead"][0]["colour"] = "red".into(),
            "releases[0].lead[0]",
        ),
        (
            |m| {
                m["releases"][0]["items"][0]["blocks"][1]["p"][0]["attribution"] = "sideways".into()
            },
            "releases[0].items[0].blocks[1].p[0].attribution",
        ),
        (
            |m| {
                m["releases"][0]["items"][0]["blocks"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("id");
            },
            "releases[0].items[0].blocks[2]",
        ),
        (
            |m| {
                m["releases"][0]["closing"][0]["p"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("text");
            },
            "releases[0].closing[0].p[1]",
        ),
        (
            |m| m["releases"][0]["headline"] = "Ministers agree".into(),
            "releases[0].headline",
        ),
        (
            |m| m["releases"][0]["items"][0]["blocks"][2]["list"] = "dashed".into(),
            "releases[0].items[0].blocks[2].list",
        ),
        (
            |m| m["meeting"]["languages"] = serde_json::json!(["en", "ja"]),
            "meeting.languages[1]",
        ),
        (
            |m| m["releases"][0]["items"][1]["blocks"][1]["byline"][0]["form"] = "nickname".into(),
            "releases[0].items[1].blocks[1].byline[0].form",
        ),
        (|m| m["format"] = "communique.meeting.v1".into(), "format"),
    ];
    for (change, path) in changes {
        let mut m = example();
        change(&mut m);
        let e = refused(&m);
        assert!(e.starts_with(path), "{e}");
    }
}
