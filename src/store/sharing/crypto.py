"""Encrypting a bundle with a passphrase: scrypt for the key, AES-256-GCM for the data.

The outside of an encrypted file says only that it is an encrypted schoolnet bundle and
how to derive the key; what it holds, and for whom, is inside the ciphertext.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ENCRYPTED_FORMAT = "schoolnet-encrypted-bundle"
ENCRYPTED_VERSION = 1
# scrypt with N=2^17, r=8 needs 128 MiB and about half a second: cheap once, costly to guess.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
# What a file may ask for: schoolnet's own settings, old and new, and nothing costlier, so a
# tiny hostile file cannot make us spend minutes and gigabytes before "wrong passphrase".
ALLOWED_N = frozenset({2**15, 2**16, 2**17})
SALT_BYTES = 16


class WrongPassphrase(ValueError):
    """The passphrase does not open the bundle, or the file was altered."""


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # NFC: the same words typed on two keyboards (é as one character or e + accent) match.
    text = unicodedata.normalize("NFC", passphrase)
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(text.encode("utf-8"))


def _header(kdf: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": ENCRYPTED_FORMAT,
        "version": ENCRYPTED_VERSION,
        "cipher": "AES-256-GCM",
        "kdf": kdf,
    }


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def encrypt(plaintext: bytes, passphrase: str) -> dict[str, Any]:
    """The encrypted envelope of plaintext, as a JSON-ready dict."""
    salt, nonce = os.urandom(16), os.urandom(12)
    kdf = {
        "name": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode("ascii"),
    }
    header = _header(kdf)
    key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, _aad(header))
    return header | {
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
    }


def decrypt(envelope: dict[str, Any], passphrase: str) -> bytes:
    """The plaintext inside an envelope; WrongPassphrase if it will not open."""
    try:
        kdf = envelope["kdf"]
        header = _header(kdf)
        n, r, p = kdf["n"], kdf["r"], kdf["p"]
        salt = base64.b64decode(kdf["salt"], validate=True)
        if (
            kdf.get("name") != "scrypt"
            or type(n) is not int
            or n not in ALLOWED_N
            or (r, p) != (SCRYPT_R, SCRYPT_P)
            or type(r) is not int
            or type(p) is not int
            or len(salt) != SALT_BYTES
        ):
            raise WrongPassphrase("its key settings are not ones schoolnet uses")
        key = _key(passphrase, salt, n, r, p)
        nonce = base64.b64decode(envelope["nonce"])
        ciphertext = base64.b64decode(envelope["ciphertext"])
        return AESGCM(key).decrypt(nonce, ciphertext, _aad(header))
    except InvalidTag as error:
        raise WrongPassphrase(
            "the passphrase is wrong, or the file was changed after it was encrypted"
        ) from error
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, WrongPassphrase):
            raise
        raise WrongPassphrase("its encryption details are damaged") from error
