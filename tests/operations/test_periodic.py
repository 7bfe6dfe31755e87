"""Other apps' hourly work (bilateral/operations/periodic.py): each receiver's summary is kept, and one
that fails is logged without stopping the others."""

import logging

from bilateral.operations.periodic import hour_passed, run_hourly_work


def counts_pages(sender, **kwargs):
    return {"pages": 3}


def breaks(sender, **kwargs):
    raise OSError("disk gone")


def test_a_failing_hourly_work_is_logged_and_the_others_run(caplog):
    hour_passed.connect(breaks, dispatch_uid="test-breaks")
    hour_passed.connect(counts_pages, dispatch_uid="test-counts")
    try:
        with caplog.at_level(logging.ERROR, logger="bilateral.operations.periodic"):
            summary = run_hourly_work()
    finally:
        hour_passed.disconnect(dispatch_uid="test-breaks")
        hour_passed.disconnect(dispatch_uid="test-counts")
    assert summary[f"{__name__}.counts_pages"] == {"pages": 3}
    assert f"{__name__}.breaks" not in summary
    [record] = [record for record in caplog.records if "hourly work" in record.getMessage()]
    assert record.getMessage() == f"The hourly work {__name__}.breaks failed"
    assert "disk gone" in caplog.text


def test_the_caching_app_sweeps_every_hour():
    assert "bilateral.caching.page_files.sweep_every_hour" in run_hourly_work()
