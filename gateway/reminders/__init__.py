"""Scheduled reminders: appointments in (importer), reminder rows (planner), the worker's pass
(dispatch). Replies are read by the flows in `flows/reminders/` through `Conversation.awaiting`.
"""
