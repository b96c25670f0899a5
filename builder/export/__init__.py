"""The course in other forms than a web site: a copy to open from disk, and SCORM 1.2 packages for an LMS.

Each is the same MkDocs build as the site, run once more with pages as files
(`page.html`, not `page/`), which is what both a disk and an LMS's file store need.
"""
