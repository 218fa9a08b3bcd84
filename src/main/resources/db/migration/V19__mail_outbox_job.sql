-- A sending job finds the mails queued on it by their job id (one job per transaction).
create index mail_outbox_job_idx on mail_outbox (job_id);
