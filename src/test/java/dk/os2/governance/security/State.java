package dk.os2.governance.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a refused request must leave as it was: the application's rows and the engine's processes. */
record State(Map<String, Object> facts) {

  private static final String[] TABLES = {"product", "governance_decision", "product_group_member",
      "criteria_catalogue", "evaluation", "self_assessment", "mail_outbox", "product_municipality"};

  static State of(JdbcTemplate jdbc, ProcessEngine engine) {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("process instances", engine.getRuntimeService().createProcessInstanceQuery().count());
    counts.put("tasks", engine.getTaskService().createTaskQuery().count());
    counts.put("products' status, level, usage and groups", jdbc.queryForObject("""
        select md5(coalesce(string_agg(p.id || p.status || coalesce(p.level, '')
          || coalesce((select string_agg(u.municipality, ',' order by u.position)
                       from product_municipality u where u.product_id = p.id), '')
          || coalesce((select string_agg(m.user_id || m.group_kind || m.member_role || coalesce(m.organisation, ''), ',' order by m.user_id, m.group_kind)
                       from product_group_member m where m.product_id = p.id), ''), ';' order by p.id), ''))
        from product p""", String.class));
    return new State(counts);
  }
}
