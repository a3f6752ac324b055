//! A photo given its image: the policy `communique photo add` runs in the store's transaction
//! (`Store::add_image_to`). Pure: the image is named by its hash, already checked and stored.

use super::{MeetingV2, Photo, PhotoPosition, Run};
use crate::lang::Language;

/// What to set on a release's photo besides its image; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct PhotoEdit {
    pub caption: Option<String>,
    pub alt: Option<String>,
    pub credit: Option<String>,
    pub position: Option<PhotoPosition>,
}

/// What `put_image` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutImage {
    /// The photo was added to the release in the language (it had none of that id).
    pub added: bool,
    /// The languages of the other releases whose photo of that id now shows the image too.
    pub also_in: Vec<Language>,
}

/// Photo `id` of the release in `language` shows image `sha256` and takes what `edit` sets; a
/// new photo (none of that id in the release) needs a caption (a photo without one is not
/// shown). The picture is the same in every language: the other releases' photos of that id
/// show it too (their texts untouched). Refuses, changing nothing, a release the meeting does not
/// have or a new photo without a caption.
pub fn put_image(
    m: &mut MeetingV2,
    language: Language,
    id: &str,
    sha256: &str,
    edit: PhotoEdit,
) -> crate::Result<PutImage> {
    let invalid = |message: String| crate::Error::Invalid {
        path: format!("photo {id:?}, release {}", language.tag()),
        message,
    };
    let id = id.trim();
    if id.is_empty() {
        return Err(invalid("a photo's id is not blank".into()));
    }
    let Some(release) = m.releases.iter_mut().find(|r| r.language == language) else {
        return Err(invalid(format!(
            "the meeting has no release in {:?}",
            language.tag()
        )));
    };
    let added = !release.photos.iter().any(|p| p.id == id);
    if added {
        if edit.caption.as_deref().is_none_or(|c| c.trim().is_empty()) {
            return Err(invalid(
                "a new photo needs a caption (--caption): a photo without one is not shown".into(),
            ));
        }
        release.photos.push(Photo {
            id: id.to_owned(),
            image: None,
            caption: Vec::new(),
            alt: None,
            language: None,
            credit: None,
            position: PhotoPosition::End,
        });
    }
    let photo = release
        .photos
        .iter_mut()
        .find(|p| p.id == id)
        .expect("found or added");
    photo.image = Some(sha256.to_owned());
    if let Some(caption) = edit.caption {
        photo.caption = vec![Run::Text(caption)];
    }
    if let Some(alt) = edit.alt {
        photo.alt = Some(alt).filter(|a| !a.trim().is_empty());
    }
    if let Some(credit) = edit.credit {
        photo.credit = Some(credit).filter(|c| !c.trim().is_empty());
    }
    if let Some(position) = edit.position {
        photo.position = position;
    }
    let mut also_in = Vec::new();
    for r in m.releases.iter_mut().filter(|r| r.language != language) {
        if let Some(p) = r.photos.iter_mut().find(|p| p.id == id) {
            p.image = Some(sha256.to_owned());
            also_in.push(r.language);
        }
    }
    Ok(PutImage { added, also_in })
}
