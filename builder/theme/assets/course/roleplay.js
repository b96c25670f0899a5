/* Role-play chats of the course.
 * The page holds each scenario as a printable script (data-roleplay-script);
 * this file turns it into a chat. The customer's mood is state: it can make the
 * customer leave or decide which turn follows. Replies appear in a fresh order on
 * every attempt, kept for the attempt (a reload resumes it), so neither position
 * nor habit gives the best one away. No dependencies, no network, safe to run twice. */
(function () {
  "use strict";

  var FACES = ["😡", "😠", "😟", "😐", "🙂"];
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src).pathname : "/";

  // The learner's records are another file's business (progress.js): the chat only announces
  // what happened, as events that bubble from the role-play to the document.
  function announce(root, name, detail) {
    root.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: detail }));
  }

  // The DOM helpers progress.js (loaded first) shares.
  var fill = window.courseDom.fill, element = window.courseDom.element, labelsOf = window.courseDom.labelsOf;

  function textOf(node, name) {
    var part = node.querySelector(name ? '[data-text="' + name + '"]' : "[data-text]");
    return part ? part.innerText || part.textContent : "";
  }

  /* ---- the attempt: its order of replies and the steps taken, kept for a reload ---- */

  // Session storage: an attempt belongs to this tab; it may be refused, and then lives in memory.
  function readAttempt(key) {
    try {
      var value = JSON.parse(window.sessionStorage.getItem(key));
      return value && isFinite(value.seed) && Array.isArray(value.steps) ? value : null;
    } catch (error) { return null; }
  }

  function keepAttempt(key, attempt) {
    try { window.sessionStorage.setItem(key, JSON.stringify(attempt)); } catch (error) { /* memory only */ }
  }

  // A small seeded generator, so an attempt's order can be recomputed after a reload.
  function shuffled(count, seed, salt) {
    var state = (seed ^ salt) >>> 0, order = [], i;
    for (i = 0; i < count; i += 1) { order.push(i); }
    for (i = count - 1; i > 0; i -= 1) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      var j = state % (i + 1), kept = order[i];
      order[i] = order[j];
      order[j] = kept;
    }
    return order;
  }

  function hash(text) {
    var value = 2166136261;
    for (var i = 0; i < text.length; i += 1) { value = Math.imul(value ^ text.charCodeAt(i), 16777619); }
    return value >>> 0;
  }

  /* ---- the scenario, read from its printed script ---- */

  function readChoice(choice, index) {
    var link = choice.querySelector("[data-teaches]"), next = choice.getAttribute("data-next");
    return {
      index: index,
      reply: Array.prototype.map.call(choice.querySelectorAll('[data-text="reply"]'), function (part) {
        return part.innerText || part.textContent;
      }),
      reaction: textOf(choice, "reaction"), note: textOf(choice, "note"),
      teaches: link ? { section: link.getAttribute("data-teaches"), href: link.getAttribute("href"),
                        text: link.textContent } : null,
      points: Number(choice.getAttribute("data-points")), mood: Number(choice.getAttribute("data-mood")),
      critical: choice.hasAttribute("data-critical"), best: choice.hasAttribute("data-best"),
      next: next.charAt(0) === "[" ? JSON.parse(next) : next
    };
  }

  function readScenario(root) {
    var turns = {}, endings = {}, first = null;
    root.querySelectorAll("[data-turn]").forEach(function (turn) {
      var id = turn.getAttribute("data-turn");
      first = first || id;
      turns[id] = { id: id, text: textOf(turn),
        choices: Array.prototype.map.call(turn.querySelectorAll("[data-choice]"), readChoice) };
    });
    root.querySelectorAll("[data-ending]").forEach(function (ending) {
      endings[ending.getAttribute("data-ending")] = textOf(ending);
    });
    var leave = root.getAttribute("data-walk-away-at");
    return { turns: turns, endings: endings, first: first,
      walkAway: leave === null ? null : { at: Number(leave), ending: root.getAttribute("data-walk-away-ending") } };
  }

  // Where a reply leads: the mood changes first, then may end the chat or choose the way on.
  function wayOn(scenario, choice, mood) {
    if (scenario.walkAway && mood <= scenario.walkAway.at) { return scenario.walkAway.ending; }
    if (typeof choice.next === "string") { return choice.next; }
    for (var i = 0; i < choice.next.length; i += 1) {
      var branch = choice.next[i];
      if ((branch.if_mood_at_most === undefined || mood <= branch.if_mood_at_most) &&
          (branch.if_mood_at_least === undefined || mood >= branch.if_mood_at_least)) { return branch.to; }
    }
    return choice.next[choice.next.length - 1].to;
  }

  /* ---- the chat ---- */

  function Chat(root) {
    this.root = root;
    this.id = root.getAttribute("data-roleplay");
    this.max = Number(root.getAttribute("data-max-score"));
    this.passMark = Number(root.getAttribute("data-pass-mark"));
    this.startMood = Number(root.getAttribute("data-mood"));
    this.topMood = Number(root.getAttribute("data-mood-top"));  // the course's mood scale: 0 to this
    this.labels = labelsOf(root);
    this.key = "course-attempt:v1:" + siteRoot + this.id;
    this.customer = (root.querySelector("[data-customer-name]") || {}).textContent || "";
    this.scenario = readScenario(root);
    this.box = element("div", "course-chat-window");
    this.moodLine = element("p", "course-chat-window__mood");
    // The live region wraps the list: a role on the <ol> itself would orphan its items.
    var live = element("div", "course-chat-window__live");
    live.setAttribute("role", "log");
    live.setAttribute("aria-live", "polite");
    this.log = element("ol", "course-chat-window__log");
    live.appendChild(this.log);
    this.choices = element("div", "course-chat-window__choices");
    this.choices.setAttribute("role", "group");
    this.choices.setAttribute("aria-label", fill(this.labels.chat_group || "", { title: root.getAttribute("data-title") }));
    // Outside the live region: the summary is announced once, when its heading takes the focus.
    this.debrief = element("div", "course-chat-window__debrief");
    this.box.append(this.moodLine, live, this.debrief, this.choices);
    root.querySelector("[data-roleplay-script]").hidden = true;
    root.appendChild(this.box);
    this.resume(readAttempt(this.key));
  }

  Chat.prototype.resume = function (attempt) {
    this.attempt = attempt || { seed: Math.floor(Math.random() * 4294967296), steps: [] };
    this.mood = this.startMood;
    this.score = 0;
    this.steps = [];
    this.log.textContent = "";
    this.debrief.textContent = "";
    this.showMood();
    var node = this.scenario.first, replay = this.attempt.steps.slice();
    this.attempt.steps = [];
    while (this.scenario.turns[node] && replay.length) {
      this.say(this.customer, [this.scenario.turns[node].text], "customer");
      node = this.take(this.scenario.turns[node], this.scenario.turns[node].choices[replay.shift()], false);
    }
    keepAttempt(this.key, this.attempt);
    if (this.scenario.turns[node]) { this.play(node, false); } else { this.finish(node, false); }
  };

  Chat.prototype.showMood = function () {
    this.moodLine.setAttribute("data-mood", String(this.mood));
    this.moodLine.textContent = this.labels.mood + this.labels.colon;
    var face = element("span", "course-chat-window__face", FACES[this.mood] + " ");
    face.setAttribute("aria-hidden", "true");  // the word says it; a screen reader need not read the emoji
    this.moodLine.append(face, this.labels["mood_" + this.mood]);
  };

  Chat.prototype.say = function (who, messages, className) {
    var line = element("li", "course-chat-window__line course-chat-window__line--" + className);
    line.appendChild(element("span", "course-chat-window__speaker", who));
    messages.forEach(function (text) { line.appendChild(element("span", "course-chat-window__bubble", text)); });
    this.log.appendChild(line);
  };

  Chat.prototype.play = function (turnId, focus) {
    var turn = this.scenario.turns[turnId], chat = this;
    this.say(this.customer, [turn.text], "customer");
    this.choices.textContent = "";
    this.choices.appendChild(element("p", "course-chat-window__prompt", this.labels.choose));
    this.shownAt = Date.now();
    shuffled(turn.choices.length, this.attempt.seed, hash(turnId)).forEach(function (index) {
      var choice = turn.choices[index], button = element("button", "course-chat-window__choice");
      button.type = "button";
      choice.reply.forEach(function (text) { button.appendChild(element("span", "course-chat-window__message", text)); });
      button.addEventListener("click", function () { chat.choose(turn, choice); });
      chat.choices.appendChild(button);
    });
    if (focus) { this.choices.querySelector("button").focus(); }
    this.reveal();
  };

  // One reply taken: its effect on the mood and score, and where the chat goes from here.
  Chat.prototype.take = function (turn, choice, live) {
    this.say(this.labels.agent, choice.reply, "agent");
    this.mood = Math.max(0, Math.min(this.topMood, this.mood + choice.mood));
    this.score += choice.points;
    this.steps.push(choice);
    this.attempt.steps.push(choice.index);
    this.showMood();
    this.log.appendChild(this.feedback(choice));
    if (live) {
      announce(this.root, "course:decision", {
        scenario: this.id, turn: turn.id, choice: choice.index, choices: turn.choices.length, best: choice.best,
        bestChoice: turn.choices.filter(function (c) { return c.best; })[0].index,
        points: choice.points, critical: choice.critical, teaches: choice.teaches && choice.teaches.section,
        latency: Date.now() - this.shownAt, time: new Date()
      });
    }
    return wayOn(this.scenario, choice, this.mood);
  };

  Chat.prototype.choose = function (turn, choice) {
    this.choices.textContent = "";
    var next = this.take(turn, choice, true);
    keepAttempt(this.key, this.attempt);
    if (this.scenario.turns[next]) { this.play(next, true); } else { this.finish(next, true); }
  };

  Chat.prototype.feedback = function (choice) {
    var item = element("li", "course-chat-window__feedback"), labels = this.labels;
    if (choice.critical) { item.appendChild(element("p", "course-chat-window__critical", labels.critical_first)); }
    item.appendChild(element("p", "", labels.reaction + labels.colon + choice.reaction));
    item.appendChild(element("p", "", labels.mood + labels.colon + labels["mood_" + this.mood] +
      " · " + labels.points + labels.colon + choice.points));
    item.appendChild(this.note(choice));
    return item;
  };

  Chat.prototype.note = function (choice) {
    var note = element("p", "course-chat-window__note", this.labels.note + this.labels.colon + choice.note + " ");
    if (choice.teaches) {
      var link = element("a", "", choice.teaches.text);
      link.href = choice.teaches.href;
      note.appendChild(link);
    }
    return note;
  };

  /* ---- the debrief: the verdict, the critical mistake first, principles, then every note ---- */

  Chat.prototype.principles = function () {
    var well = {}, review = {}, order = [];
    this.steps.forEach(function (step) {
      if (!step.teaches) { return; }
      var href = step.teaches.href;
      if (!(href in well) && !(href in review)) { order.push(step.teaches); }
      if (step.best && !(href in review)) { well[href] = true; } else { review[href] = true; delete well[href]; }
    });
    return {
      well: order.filter(function (t) { return well[t.href]; }),
      review: order.filter(function (t) { return review[t.href]; })
    };
  };

  Chat.prototype.links = function (heading, teaches) {
    var part = element("div", "course-chat-window__principles");
    if (!teaches.length) { return part; }
    part.appendChild(element("p", "", heading));
    var list = element("ul");
    teaches.forEach(function (t) {
      var link = element("a", "", t.text);
      link.href = t.href;
      list.appendChild(element("li")).appendChild(link);
    });
    part.appendChild(list);
    return part;
  };

  Chat.prototype.finish = function (endingId, live) {
    var labels = this.labels, chat = this, mark = { pass_mark: this.passMark };
    var critical = this.steps.filter(function (step) { return step.critical; })[0];
    var percent = this.max > 0 ? Math.round(this.score * 100 / this.max) : 0;
    var passed = !critical && this.max > 0 && this.score * 100 >= this.max * this.passMark;
    var summary = element("div", "course-chat-window__summary course-chat-window__summary--" + (passed ? "passed" : "failed"));
    summary.setAttribute("data-summary", "");
    summary.appendChild(element("p", "course-chat-window__ending", labels.ending + labels.colon + this.scenario.endings[endingId]));
    var heading = element("h4", "", labels.summary);
    heading.tabIndex = -1;
    summary.appendChild(heading);
    summary.appendChild(element("p", "", fill(labels.score_line, { score: this.score, max: this.max, percent: percent })));
    summary.appendChild(element("p", "course-chat-window__verdict",
      fill(critical ? labels.failed_critical : passed ? labels.passed : labels.not_passed, mark)));
    if (critical) {
      var mistake = element("div", "course-chat-window__critical");
      mistake.append(element("p", "", labels.critical_first), element("p", "", critical.reply.join(" ")), this.note(critical));
      summary.appendChild(mistake);
    }
    var principles = this.principles();
    summary.append(this.links(labels.handled_well, principles.well), this.links(labels.to_review, principles.review));
    var details = element("details", "course-chat-window__steps");
    details.appendChild(element("summary", "", labels.all_notes));
    var list = element("ol");
    this.steps.forEach(function (step) {
      var item = element("li", "", step.reply.join(" ") + " (" + labels.points + labels.colon + step.points + ")");
      item.appendChild(chat.note(step));
      list.appendChild(item);
    });
    details.appendChild(list);
    summary.appendChild(details);
    this.debrief.appendChild(summary);
    if (live) {
      announce(this.root, "course:result",
        { scenario: this.id, score: this.score, max: this.max, passed: passed, critical: Boolean(critical) });
    }
    var again = element("button", "md-button course-chat-window__again", labels.try_again);
    again.type = "button";
    again.addEventListener("click", function () { chat.resume(null); chat.choices.querySelector("button").focus(); });
    this.choices.textContent = "";
    this.choices.appendChild(again);
    if (live) { heading.focus(); }
  };

  Chat.prototype.reveal = function () {
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var last = this.log.lastElementChild;
    if (last && last.scrollIntoView && this.steps.length) {
      last.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
    }
  };

  /* ---- start, however Material loaded the page ---- */

  function initAll() {
    document.querySelectorAll("[data-roleplay]").forEach(function (node) {
      if (node.hasAttribute("data-ready")) { return; }
      node.setAttribute("data-ready", "");
      return new Chat(node);
    });
  }

  window.courseDom.onEveryPage(initAll);
})();
