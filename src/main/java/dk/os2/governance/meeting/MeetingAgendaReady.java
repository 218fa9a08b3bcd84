package dk.os2.governance.meeting;

import java.util.List;

/**
 * A meeting's agenda is due to go to every member of its body: published once per meeting, in the
 * transaction that marks the agenda sent, by the meeting process's timer.
 *
 * @param bodyGroupId the body's Camunda group, whose members get the agenda
 * @param items one line per agenda item, in order
 * @param link the meeting's page, a path of this site
 */
public record MeetingAgendaReady(String meetingId, String processInstanceId, String bodyGroupId, String title,
    String when, String place, List<String> items, String link) {}
