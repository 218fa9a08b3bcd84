package dk.os2.governance.meeting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code meeting}, {@code meeting_item}, {@code meeting_item_answer} and {@code meeting_attendance}. */
@Repository
class MeetingStore {

  /** One row of {@code meeting}. */
  record Meeting(String id, String body, LocalDate meetingDate, String meetingTime, String place,
      String processInstanceId, String plannedBy, Instant plannedAt, Instant agendaSentAt, Boolean quorumMet,
      String otherAttendees, String minutesSavedBy, Instant minutesSavedAt, String minutesRecordedBy,
      Instant minutesRecordedAt) {

    boolean recorded() {
      return minutesRecordedAt != null;
    }
  }

  /** One row of {@code meeting_item}. */
  record Item(String id, String meetingId, int position, String kind, String taskId, String taskKey,
      String processInstanceId, String processDefinitionId, String title, String subject, String link,
      String status, String minutesAction, String outcome, String outcomeLabel, Integer votesFor,
      Integer votesAgainst, Integer votesAbstaining, String notes) {

    boolean isDecision() {
      return "DECISION".equals(kind);
    }

    /** The message key of what became of the item (messages.properties, meeting.status.*). */
    public String statusKey() {
      return MinutesDocument.statusKey(this);
    }

    /** The Danish wording of a decided item's outcome, or null: then its status key says it. */
    public String decidedAs() {
      return "DECIDED".equals(status) ? outcomeLabel : null;
    }
  }

  /** One answer of an item's decision: a field of the item task's own form. */
  record Answer(String itemId, int position, String fieldKey, String fieldLabel, String answer) {}

  /** One line of the attendance. */
  record Attendance(String meetingId, int position, String userId, String name, boolean present) {}

  private final JdbcClient jdbc;

  MeetingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String insert(String body, LocalDate date, String time, String place, String processInstanceId, String plannedBy) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into meeting (id, body, meeting_date, meeting_time, place, process_instance_id, planned_by, planned_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, body, Date.valueOf(date), time, place, processInstanceId, plannedBy, Timestamp.from(Instant.now()))
        .update();
    return id;
  }

  Optional<Meeting> find(String id) {
    return jdbc.sql("select * from meeting where id = ?").param(id).query(Meeting.class).optional();
  }

  Optional<Meeting> byProcess(String processInstanceId) {
    return jdbc.sql("select * from meeting where process_instance_id = ?").param(processInstanceId)
        .query(Meeting.class).optional();
  }

  List<Meeting> all() {
    return jdbc.sql("select * from meeting order by meeting_date desc, meeting_time desc").query(Meeting.class).list();
  }

  /** The body's next meeting after this one (by date), if one is planned. */
  Optional<Meeting> nextAfter(Meeting meeting) {
    return jdbc.sql("""
        select * from meeting where body = ? and id <> ? and meeting_date > ?
        order by meeting_date, meeting_time""")
        .params(meeting.body(), meeting.id(), Date.valueOf(meeting.meetingDate())).query(Meeting.class).list()
        .stream().findFirst();
  }

  List<Item> items(String meetingId) {
    return jdbc.sql("select * from meeting_item where meeting_id = ? order by position").param(meetingId)
        .query(Item.class).list();
  }

  Optional<Item> item(String itemId) {
    return jdbc.sql("select * from meeting_item where id = ?").param(itemId).query(Item.class).optional();
  }

  /** Earlier meetings' items of the same task that moved on without a decision, newest first. */
  List<Meeting> deferredFrom(String taskId, String meetingId) {
    return jdbc.sql("""
        select m.* from meeting m join meeting_item i on i.meeting_id = m.id
        where i.task_id = ? and m.id <> ? and i.status in ('NOT_REACHED', 'NO_QUORUM')
        order by m.meeting_date desc""").params(taskId, meetingId).query(Meeting.class).list();
  }

  void addItem(String meetingId, int position, String kind, String taskId, String taskKey, String processInstanceId,
      String processDefinitionId, String title, String subject, String link) {
    jdbc.sql("""
        insert into meeting_item (id, meeting_id, position, kind, task_id, task_key, process_instance_id,
          process_definition_id, title, subject, link, status)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(UUID.randomUUID().toString(), meetingId, position, kind, taskId, taskKey, processInstanceId,
            processDefinitionId, cut(title, 500), cut(subject, 500), cut(link, 1000))
        .update();
  }

  void removeOpenInformationItems(String meetingId) {
    jdbc.sql("delete from meeting_item where meeting_id = ? and kind <> 'DECISION' and status = 'OPEN'")
        .param(meetingId).update();
  }

  void renumber(String meetingId, String itemId, int position) {
    jdbc.sql("update meeting_item set position = ? where id = ? and meeting_id = ?")
        .params(position, itemId, meetingId).update();
  }

  void status(String itemId, String status) {
    jdbc.sql("update meeting_item set status = ? where id = ?").params(status, itemId).update();
  }

  void agendaSent(String meetingId) {
    jdbc.sql("update meeting set agenda_sent_at = ? where id = ?").params(Timestamp.from(Instant.now()), meetingId)
        .update();
  }

  /** The minutes as filled in: replaces what was saved before. */
  void saveMinutes(String meetingId, boolean quorumMet, String otherAttendees, String savedBy,
      List<Attendance> attendance, List<ItemMinutes> items) {
    jdbc.sql("""
        update meeting set quorum_met = ?, other_attendees = ?, minutes_saved_by = ?, minutes_saved_at = ?
        where id = ?""").params(quorumMet, cut(otherAttendees, 2000), savedBy, Timestamp.from(Instant.now()), meetingId)
        .update();
    jdbc.sql("delete from meeting_attendance where meeting_id = ?").param(meetingId).update();
    for (Attendance a : attendance) {
      jdbc.sql("insert into meeting_attendance (meeting_id, position, user_id, name, present) values (?, ?, ?, ?, ?)")
          .params(meetingId, a.position(), a.userId(), cut(a.name(), 300), a.present()).update();
    }
    for (ItemMinutes m : items) {
      jdbc.sql("delete from meeting_item_answer where item_id = ?").param(m.itemId()).update();
      jdbc.sql("""
          update meeting_item set minutes_action = ?, outcome = ?, outcome_label = ?, votes_for = ?, votes_against = ?,
            votes_abstaining = ?, notes = ? where id = ? and meeting_id = ?""")
          .params(m.action(), m.outcome(), cut(m.outcomeLabel(), 300), m.votesFor(), m.votesAgainst(),
              m.votesAbstaining(), cut(m.notes(), 4000), m.itemId(), meetingId)
          .update();
      int position = 0;
      for (Answer a : m.answers()) {
        jdbc.sql("""
            insert into meeting_item_answer (item_id, position, field_key, field_label, answer)
            values (?, ?, ?, ?, ?)""")
            .params(m.itemId(), position++, a.fieldKey(), cut(a.fieldLabel(), 300), cut(a.answer(), 4000)).update();
      }
    }
  }

  /** What the minutes say for one item. */
  record ItemMinutes(String itemId, String action, String outcome, String outcomeLabel, Integer votesFor,
      Integer votesAgainst, Integer votesAbstaining, String notes, List<Answer> answers) {}

  List<Answer> answers(String itemId) {
    return jdbc.sql("select * from meeting_item_answer where item_id = ? order by position").param(itemId)
        .query(Answer.class).list();
  }

  List<Attendance> attendance(String meetingId) {
    return jdbc.sql("select * from meeting_attendance where meeting_id = ? order by position").param(meetingId)
        .query(Attendance.class).list();
  }

  void recorded(String meetingId, String recordedBy) {
    jdbc.sql("update meeting set minutes_recorded_by = ?, minutes_recorded_at = ? where id = ?")
        .params(recordedBy, Timestamp.from(Instant.now()), meetingId).update();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
