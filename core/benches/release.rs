//! Composing and rendering a 300-item meeting, importing it, and searching an archive.
//! `cargo bench -p communique-core` prints the figures (quoted in README's Performance section).

#![allow(clippy::unwrap_used)] // Tests and benches: a panic is the failure report.

use communique_core::{compose, meeting_file, sample, Format, Meeting, Renderer, Store};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

/// The sample meeting grown to 300 agenda items, two quotes each.
fn big_meeting() -> Meeting {
    let mut m = sample::sample_en();
    let template = m.agenda[0].clone();
    m.agenda = (0..300)
        .map(|i| {
            let mut item = template.clone();
            item.title = format!("{} {i}", item.title);
            item.summary = format!("{} Item {i} of the agenda.", item.summary);
            item
        })
        .collect();
    m
}

fn benches(c: &mut Criterion) {
    let m = big_meeting();
    let json = meeting_file::to_json(&m).unwrap();
    let composed = compose(&m);

    let doc = meeting_file::to_value(&m).unwrap();
    c.bench_function(
        "preview of the editor's 300-item document (read, compose, preview parts)",
        |b| {
            b.iter(|| {
                communique_core::render::preview_parts(&compose(
                    &meeting_file::from_value("editor", std::hint::black_box(&doc)).unwrap(),
                ))
            })
        },
    );
    {
        use communique_core::preview::{DocPart, Edit, LivePreview};
        let mut slot = None;
        let whole = Edit {
            session: 1,
            shown: 0,
            language: None,
            doc: Some(doc.clone()),
            parts: Vec::new(),
        };
        LivePreview::edit(&mut slot, "editor", whole).unwrap();
        let mut item = doc["agenda"][250].clone();
        let mut n = 0u64;
        c.bench_function("live preview: one keystroke in item 250 of 300", |b| {
            b.iter(|| {
                n += 1;
                item["summary"] = format!("typed {n}").into();
                let edit = Edit {
                    session: 1,
                    shown: n,
                    language: None,
                    doc: None,
                    parts: vec![DocPart::Item {
                        index: 250,
                        value: item.clone(),
                    }],
                };
                LivePreview::edit(&mut slot, "editor", edit).unwrap()
            })
        });
    }
    {
        // The same keystroke in a v2 editor: the item's part of the release is sent, and the
        // document is read and composed as v2 (no v1 reading, no upgrade).
        use communique_core::preview::{DocPartV2, Edit, LivePreviewV2};
        use communique_core::v2;
        let doc = v2::to_value(&v2::upgrade(&m)).unwrap();
        let mut slot = None;
        let whole = Edit {
            session: 1,
            shown: 0,
            language: None,
            doc: Some(doc.clone()),
            parts: Vec::new(),
        };
        LivePreviewV2::edit(&mut slot, "editor", whole).unwrap();
        let mut part = doc["releases"][0]["items"][250].clone();
        let mut n = 0u64;
        c.bench_function("live preview v2: one keystroke in item 250 of 300", |b| {
            b.iter(|| {
                n += 1;
                part["blocks"][0]["p"] = serde_json::json!([format!("typed {n}")]);
                let edit = Edit {
                    session: 1,
                    shown: n,
                    language: None,
                    doc: None,
                    parts: vec![DocPartV2::ReleaseItem {
                        release: 0,
                        index: 250,
                        value: part.clone(),
                    }],
                };
                LivePreviewV2::edit(&mut slot, "editor", edit).unwrap()
            })
        });
    }
    c.bench_function("read the editor's 300-item document", |b| {
        b.iter(|| meeting_file::from_value("editor", std::hint::black_box(&doc)).unwrap())
    });
    {
        let doc = communique_core::v2::to_value(&communique_core::v2::upgrade(&m)).unwrap();
        c.bench_function("read the editor's 300-item document as v2", |b| {
            b.iter(|| {
                communique_core::v2::from_value("editor", std::hint::black_box(&doc)).unwrap()
            })
        });
        let v2m = communique_core::v2::upgrade(&m);
        c.bench_function("validate a 300-item v2 meeting", |b| {
            b.iter(|| communique_core::v2::validate(std::hint::black_box(&v2m)).unwrap())
        });
        c.bench_function("compose a 300-item v2 meeting", |b| {
            b.iter(|| {
                communique_core::v2::compose(
                    std::hint::black_box(&v2m),
                    communique_core::Language::En,
                )
            })
        });
    }
    c.bench_function("upgrade 300 items to v2", |b| {
        b.iter(|| communique_core::v2::upgrade(std::hint::black_box(&m)))
    });
    c.bench_function("compose 300 items", |b| {
        b.iter(|| compose(std::hint::black_box(&m)))
    });
    c.bench_function("render html 300 items (compose + render)", |b| {
        b.iter(|| Format::Html.render(std::hint::black_box(&m)))
    });
    c.bench_function("render html 300 items (render only)", |b| {
        b.iter(|| communique_core::render::Html.render(std::hint::black_box(&composed)))
    });
    c.bench_function("render markdown 300 items", |b| {
        b.iter(|| Format::Markdown.render(std::hint::black_box(&m)))
    });
    c.bench_function("parse meeting file 300 items", |b| {
        b.iter(|| meeting_file::parse("bench.json", std::hint::black_box(json.as_bytes())))
    });

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    c.bench_function(
        "import 300-item meeting (parse + insert, WAL + FULL sync)",
        |b| {
            b.iter(|| {
                let parsed = meeting_file::parse("bench.json", json.as_bytes()).unwrap();
                store.insert(&parsed).unwrap()
            })
        },
    );
    let id = store.insert(&m).unwrap();
    c.bench_function("load 300-item meeting", |b| {
        b.iter(|| store.load(id).unwrap())
    });
    let mut rev = store.revision(id).unwrap();
    c.bench_function("save 300-item meeting (whole rewrite)", |b| {
        b.iter(|| {
            rev = store.save(id, rev, &m).unwrap();
        })
    });

    let dir2 = tempfile::tempdir().unwrap();
    let mut archive = Store::open(&dir2.path().join("archive.sqlite3")).unwrap();
    let small = sample::sample_en();
    for i in 0..2000 {
        let mut s = small.clone();
        s.info.title = format!("Council {i}");
        if i == 1234 {
            s.agenda[0]
                .summary
                .push_str(" Quillwort protection was agreed.");
        }
        archive.insert(&s).unwrap();
    }
    c.bench_function("search a rare word in 2,000 meetings", |b| {
        b.iter(|| archive.search("quillwort", 100).unwrap())
    });
    c.bench_function("search a common word in 2,000 meetings", |b| {
        b.iter(|| archive.search("drought", 100).unwrap())
    });
    c.bench_function("list first page of 2,000 meetings", |b| {
        b.iter_batched(
            || (),
            |()| archive.list(100, 0).unwrap(),
            BatchSize::SmallInput,
        )
    });
}

criterion_group! {
    name = release;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(release);
