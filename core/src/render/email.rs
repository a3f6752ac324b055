//! The release as an e-mail draft (`.eml`, RFC 5322 and MIME, written by `mail-builder`): the
//! headline as the Subject (`EMBARGOED:` in front while the embargo holds), and the release twice,
//! as `multipart/alternative`: its plain text and its HTML export (a release with photos' pictures:
//! the HTML and the pictures as `multipart/related`, each picture an inline part whose
//! `Content-ID` the HTML's `<img src="cid:…">` names, its bytes the original file's). `X-Unsent: 1` makes mail
//! programs (Thunderbird, Outlook) open it as a draft to address and send; it has no sender and
//! no recipient of its own.
//!
//! Every header value goes through `mail-builder`'s RFC 2047 encoding, and the Subject is one line
//! whatever the headline holds, so no text of the release can add a header.

use chrono::{DateTime, Utc};
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;
use mail_builder::MessageBuilder;

use super::html::{content_id, page, Src};
use super::{plain_text, Html, Renderer};
use crate::compose::{Composed, Image};

/// The e-mail renderer, at an instant: an embargo holding then is said in the Subject.
pub struct Email {
    pub now: DateTime<Utc>,
}

impl Email {
    /// At the clock's time (`clock::now_utc`: the tests set it).
    pub fn now() -> Email {
        Email {
            now: crate::clock::now_utc(),
        }
    }

    /// The Subject: the headline on one line, `EMBARGOED:` and the embargo in front while it
    /// holds, and before them the status of a release not yet published (`For clearance – not
    /// for publication: …`).
    pub fn subject(&self, r: &Composed) -> String {
        let headline = one_line(&r.headline);
        let holds = r.embargo.as_ref().and_then(|e| {
            DateTime::parse_from_rfc3339(&e.iso)
                .ok()
                .filter(|t| *t > self.now)
                .map(|_| e)
        });
        let subject = match holds {
            Some(e) => format!("EMBARGOED: {headline} ({})", one_line(&e.text)),
            None => headline,
        };
        // A draft sent for clearance says so before anything else.
        match r.status_line() {
            Some(status) => format!("{status}: {subject}"),
            None => subject,
        }
    }
}

/// Every control character (a line break above all) as a space, runs of white space as one.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Renderer for Email {
    fn extension(&self) -> &'static str {
        "eml"
    }

    fn render(&self, r: &Composed) -> String {
        let text = plain_text(r);
        let id = format!(
            "release-{}-{}@communique.invalid",
            r.language.tag(),
            self.now.timestamp()
        );
        let message = MessageBuilder::new()
            .message_id(id)
            .date(self.now.timestamp())
            .subject(self.subject(r))
            .header("Content-Language", Raw::new(r.language.tag()))
            .header("X-Unsent", Raw::new("1"));
        let mut images: Vec<&Image> = Vec::new();
        for image in r.captions.iter().filter_map(|c| c.image.as_ref()) {
            if !images.iter().any(|i| i.sha256 == image.sha256) {
                images.push(image);
            }
        }
        let message = if images.is_empty() {
            message.text_body(text).html_body(Html.render(r))
        } else {
            // The HTML and the pictures it shows by `cid:` are one `multipart/related` (RFC
            // 2387), the alternative to the text.
            let mut related = vec![MimePart::new("text/html", page(r, Src::Cid))];
            related.extend(images.iter().map(|i| {
                MimePart::new(i.kind.media_type(), &i.bytes[..])
                    .inline()
                    .cid(content_id(i))
            }));
            message.body(MimePart::new(
                "multipart/alternative",
                vec![
                    MimePart::new("text/plain", text),
                    MimePart::new("multipart/related", related),
                ],
            ))
        };
        message
            .write_to_string()
            // Writing to a String cannot fail.
            .unwrap_or_default()
    }
}
