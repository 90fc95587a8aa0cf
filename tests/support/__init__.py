"""Test helpers shared by every test package: fake Bot API, page server, bot builders."""
