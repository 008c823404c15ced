"""Encrypting a bundle with a passphrase: scrypt for the key, AES-256-GCM for the data.

The outside of an encrypted file says only that it is an encrypted schoolnet bundle and
how to derive the key; what it holds, and for whom, is inside the ciphertext.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ENCRYPTED_FORMAT = "schoolnet-encrypted-bundle"
ENCRYPTED_VERSION = 1
# scrypt with N=2^15, r=8 needs 32 MiB and about a tenth of a second: cheap once, costly to guess.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class WrongPassphrase(ValueError):
    """The passphrase does not open the bundle, or the file was altered."""


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


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
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if kdf.get("name") != "scrypt" or n > 2**20 or r > 32 or p > 16:
            raise WrongPassphrase("its key settings are not ones schoolnet uses")
        key = _key(passphrase, base64.b64decode(kdf["salt"]), n, r, p)
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
