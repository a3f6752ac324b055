//! Schema 3 and before: a meeting kept one table per kind of thing (people, agenda items, quotes,
//! releases, photos). Read only by the migration to schema 4, which moves every meeting into its
//! meeting file v2 (`documents`) and drops those tables.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::meetings::corrupt;
use super::MeetingId;
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::model::{AgendaItem, Form, Meeting, MeetingInfo, Person, Photo, Quote, Release};
use crate::serde_forms::{parse_date, parse_datetime, parse_published, parse_tz};

/// The migration to schema 4: every meeting's v2 file into `documents`, the search index rebuilt
/// from it, then the tables of schema 3 dropped (the people table stays: the directory of people
/// quoted). One transaction with the rest of the migration; the archive was copied beside itself
/// before it began.
pub(super) fn to_documents(tx: &rusqlite::Transaction) -> Result<()> {
    let ids: Vec<MeetingId> = {
        let mut stmt = tx.prepare("SELECT id FROM meetings ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // All read before anything is dropped or rewritten (the people rows are rewritten too, and
    // schema 3's quotes point at them).
    let meetings = ids
        .into_iter()
        .map(|id| Ok((id, crate::v2::upgrade(&load(tx, id)?))))
        .collect::<Result<Vec<_>>>()?;
    tx.execute_batch(
        "DROP TABLE quotes; DROP TABLE photos; DROP TABLE releases; DROP TABLE agenda_items;",
    )?;
    for (id, m) in &meetings {
        // The search rows are made by schema 5's migration, which follows (`search::reindex`).
        super::meetings::write_document_rows(tx, *id, m)?;
    }
    Ok(())
}

/// Meeting `id` as schema 3 kept it, one table per kind of thing (six queries).
pub(super) fn load(conn: &Connection, id: MeetingId) -> Result<Meeting> {
    let row = conn
        .query_row(
            "SELECT title, organisation, language, location, starts, ends, timezone
             FROM meetings WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound(id))?;
    let (title, organisation, language, location, starts, ends, timezone) = row;
    let info = MeetingInfo {
        title,
        organisation,
        language: Language::from_tag(&language)
            .ok_or_else(|| corrupt(id, "language", &language))?,
        location,
        starts: parse_date(&starts).map_err(|_| corrupt(id, "starts", &starts))?,
        ends: ends
            .map(|e| parse_date(&e).map_err(|_| corrupt(id, "ends", &e)))
            .transpose()?,
        timezone: timezone
            .map(|t| parse_tz(&t).map_err(|_| corrupt(id, "timezone", &t)))
            .transpose()?,
    };

    let mut people_rows = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, key, name, full, role, short FROM people WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Person {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    full: r.get(3)?,
                    role: r.get(4)?,
                    short: r.get(5)?,
                },
            ))
        })?;
        for row in rows {
            people_rows.push(row?);
        }
    }

    let mut agenda: Vec<AgendaItem> = Vec::new();
    let mut item_ids = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, notes, summary, in_release FROM agenda_items WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                AgendaItem {
                    title: r.get(1)?,
                    notes: r.get(2)?,
                    summary: r.get(3)?,
                    in_release: r.get(4)?,
                    quotes: Vec::new(),
                },
            ))
        })?;
        for row in rows {
            let (item_id, item) = row?;
            item_ids.push(item_id);
            agenda.push(item);
        }
    }

    {
        let mut stmt = conn.prepare_cached(
            "SELECT q.item_id, q.speaker_id, q.text, q.verb, q.form, q.in_release
             FROM quotes q JOIN agenda_items i ON i.id = q.item_id
             WHERE i.meeting_id = ?1 ORDER BY i.position, q.position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        let speakers: HashMap<i64, &str> = people_rows
            .iter()
            .map(|(rowid, p)| (*rowid, p.id.as_str()))
            .collect();
        // Both lists are in agenda order, so one forward walk places every quote.
        let mut slot = 0;
        for row in rows {
            let (item_id, speaker_id, text, verb, form, in_release) = row?;
            while item_ids.get(slot).is_some_and(|&i| i != item_id) {
                slot += 1;
            }
            let speaker = speakers
                .get(&speaker_id)
                .map(|key| (*key).to_owned())
                .ok_or_else(|| corrupt(id, "quotes.speaker_id", &speaker_id.to_string()))?;
            let form = form
                .map(|f| Form::parse(&f).ok_or_else(|| corrupt(id, "quotes.form", &f)))
                .transpose()?;
            let item = agenda
                .get_mut(slot)
                .ok_or_else(|| corrupt(id, "quotes.item_id", &item_id.to_string()))?;
            item.quotes.push(Quote {
                speaker,
                text,
                verb,
                form,
                in_release,
            });
        }
    }

    let release = conn
        .query_row(
            "SELECT headline, lead, closing, published, updated FROM releases WHERE meeting_id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?;
    let release = match release {
        None => None,
        Some((headline, lead, closing, published, updated)) => {
            let mut photos = Vec::new();
            let mut stmt = conn.prepare_cached(
                "SELECT caption, language, credit FROM photos WHERE meeting_id = ?1 ORDER BY position",
            )?;
            let rows = stmt.query_map([id], |r| {
                Ok(Photo {
                    caption: r.get(0)?,
                    language: r.get(1)?,
                    credit: r.get(2)?,
                })
            })?;
            for row in rows {
                photos.push(row?);
            }
            Some(Release {
                headline,
                lead,
                closing,
                published: published
                    .map(|p| parse_published(&p).map_err(|_| corrupt(id, "published", &p)))
                    .transpose()?,
                updated: updated
                    .map(|u| parse_datetime(&u).map_err(|_| corrupt(id, "updated", &u)))
                    .transpose()?,
                photos,
            })
        }
    };

    Ok(Meeting {
        info,
        people: people_rows.into_iter().map(|(_, p)| p).collect(),
        agenda,
        release,
    })
}
