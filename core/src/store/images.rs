//! Photos' images in the archive (schema 7, `images`): each kept once, by the SHA-256 of its
//! bytes, exactly as imported, after `images::check` accepted it. A photo of a meeting names its
//! image by that hash (`photos[].image`); exports and the preview read the images back here.
//!
//! An image no meeting names any more stays (a photo's image can be put back by undo, a restore,
//! or another meeting importing the same file); there is no collection of them.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::meetings::{check_v2, load_v2_in, save_v2_in};
use super::{MeetingId, Store};
use crate::compose::{Image, ImageKind};
use crate::error::{Error, Result};
use crate::failpoint;
use crate::lang::Language;
use crate::v2::MeetingV2;

/// What the archive holds about an image besides its bytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct ImageInfo {
    pub sha256: String,
    /// `jpeg` or `png`.
    pub kind: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    /// When it was first imported (UTC, RFC 3339).
    pub added: String,
}

impl Store {
    /// Adds an image file to the archive: checked whole first (`images::check`: a JPEG or a PNG
    /// within the limits that decodes; else `Error::Image` naming `file_name`, nothing written),
    /// then stored in one transaction unless the archive holds it already (the same bytes are
    /// kept once). Returns the image (its `alt` empty: that is the photo's).
    pub fn add_image(&mut self, bytes: Vec<u8>, file_name: &str) -> Result<Image> {
        let image = crate::images::check(bytes, file_name)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_in(&tx, &image)?;
        tx.commit()?;
        Ok(image)
    }

    /// `add_image` and a change of meeting `id` that names it (`change` gets the meeting and the
    /// image, as `update_v2`), in one transaction: the image is checked before anything is
    /// written, and neither is stored if `change` fails or leaves the meeting invalid.
    pub fn add_image_to<T>(
        &mut self,
        id: MeetingId,
        bytes: Vec<u8>,
        file_name: &str,
        change: impl FnOnce(&mut MeetingV2, &Image) -> Result<T>,
    ) -> Result<(T, Image, i64)> {
        let image = crate::images::check(bytes, file_name)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_in(&tx, &image)?;
        failpoint::hit(failpoint::PHOTO_BEFORE_MEETING);
        let stored = load_v2_in(&tx, id)?;
        let mut meeting = stored.meeting;
        let out = change(&mut meeting, &image)?;
        check_v2(&meeting)?;
        let revision = save_v2_in(&tx, id, stored.revision, &meeting)?;
        tx.commit()?;
        Ok((out, image, revision))
    }

    /// The image named `sha256`, or `None` when the archive does not hold it.
    pub fn image(&self, sha256: &str) -> Result<Option<Image>> {
        image_in(&self.conn, sha256)
    }

    /// What the archive holds about the image named `sha256`, without its bytes.
    pub fn image_info(&self, sha256: &str) -> Result<Option<ImageInfo>> {
        Ok(self
            .conn
            .query_row(
                "SELECT sha256, kind, width, height, length(bytes), added FROM images WHERE sha256 = ?1",
                [sha256],
                |r| {
                    Ok(ImageInfo {
                        sha256: r.get(0)?,
                        kind: r.get(1)?,
                        width: r.get(2)?,
                        height: r.get(3)?,
                        bytes: r.get(4)?,
                        added: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }
}

pub(super) fn insert_in(conn: &Connection, image: &Image) -> Result<()> {
    let kind = match image.kind {
        ImageKind::Jpeg => "jpeg",
        ImageKind::Png => "png",
    };
    conn.execute(
        "INSERT INTO images (sha256, kind, width, height, bytes, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (sha256) DO NOTHING",
        params![
            image.sha256,
            kind,
            image.width,
            image.height,
            &image.bytes[..],
            super::meetings::now()
        ],
    )?;
    Ok(())
}

pub(super) fn image_in(conn: &Connection, sha256: &str) -> Result<Option<Image>> {
    let row = conn
        .query_row(
            "SELECT kind, width, height, bytes FROM images WHERE sha256 = ?1",
            [sha256],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((kind, width, height, bytes)) = row else {
        return Ok(None);
    };
    let kind = match kind.as_str() {
        "jpeg" => ImageKind::Jpeg,
        "png" => ImageKind::Png,
        other => {
            return Err(Error::Corrupt {
                detail: format!("image {sha256}: stored kind {other:?} is not valid"),
            })
        }
    };
    Ok(Some(Image {
        sha256: sha256.to_owned(),
        kind,
        width,
        height,
        alt: String::new(),
        bytes: Arc::from(bytes),
    }))
}

/// The images the release in `language` of `m` names that the archive holds, by hash (one query
/// per image named; an image named twice is read once).
pub(super) fn images_of_in(
    conn: &Connection,
    m: &MeetingV2,
    language: Language,
) -> Result<HashMap<String, Image>> {
    let mut out = HashMap::new();
    for sha in m
        .release(language)
        .into_iter()
        .flat_map(|r| &r.photos)
        .filter_map(|p| p.image.as_deref())
    {
        if !out.contains_key(sha) {
            if let Some(image) = image_in(conn, sha)? {
                out.insert(sha.to_owned(), image);
            }
        }
    }
    Ok(out)
}

impl Store {
    /// The images the release in `language` of `m` names that the archive holds, by hash: what
    /// `v2::compose_with_images` and the preview look up.
    pub fn images_of(&self, m: &MeetingV2, language: Language) -> Result<HashMap<String, Image>> {
        images_of_in(&self.conn, m, language)
    }
}
