# SPDX-License-Identifier: MIT
"""tei-transcripts: records of conversation from plain text to TEI P5, and TEI to editions."""

__version__ = "0.1.0"
