-- Communiqué schema 7: photos' images (core/src/store/images.rs).
--
-- An image is kept once, by the SHA-256 of its bytes (a photo names it by that, `photos[].image`
-- in the meeting file v2), exactly as it was imported: a JPEG or a PNG that decoded whole within
-- the size limits when it was added (core/src/images.rs). Its size is its display size (a JPEG
-- turned by its EXIF orientation has its sides swapped). Nothing refers to it by foreign key: the
-- meeting files name images, and an image no meeting names any more may stay.

CREATE TABLE images (
    sha256  TEXT    PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind    TEXT    NOT NULL CHECK (kind IN ('jpeg', 'png')),
    width   INTEGER NOT NULL CHECK (width BETWEEN 1 AND 10000),
    height  INTEGER NOT NULL CHECK (height BETWEEN 1 AND 10000),
    bytes   BLOB    NOT NULL,
    added   TEXT    NOT NULL   -- UTC, RFC 3339: when it was first imported
) STRICT;
