<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's corpus pages: the index of records, the persons page and the search page.
  Input: a tt:corpus holding every document's summary (tt:summary, numbered in @n; see
  common/corpus.xsl) and the personography (tt:persons). `page` says which page to write.
  Each document's row of the index and its entry under each person are made with its own page
  (site_part.xsl); here a comment marks where each goes: "tt:row N" (the summary's @n) and
  "tt:appearance N M" (and the M-th tt:appears of that summary).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="../common/corpus.xsl"/>
  <xsl:include href="html_param.xsl"/>
  <xsl:include href="html_page.xsl"/>

  <!-- Which page to write: index, persons or search. -->
  <xsl:param name="page" as="xs:string" select="'index'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$page = 'index'"><xsl:call-template name="tt:index-page"/></xsl:when>
      <xsl:when test="$page = 'persons'"><xsl:call-template name="tt:persons-page"/></xsl:when>
      <xsl:when test="$page = 'search'"><xsl:call-template name="tt:search-page"/></xsl:when>
      <xsl:otherwise><xsl:sequence select="error((), 'unknown page: ' || $page)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Index -->

  <xsl:template name="tt:index-page">
    <xsl:variable name="dates" select="sort($summaries/@date[string()] ! string())"/>
    <xsl:variable name="turns" select="sum($summaries/@turns)"/>
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="'Records'"/>
      <xsl:with-param name="current" select="'records'"/>
      <xsl:with-param name="content">
        <h1>Records of conversation</h1>
        <p class="corpus-summary">
          <xsl:value-of select="count($summaries)"/> record<xsl:if test="count($summaries) ne 1">s</xsl:if>
          <xsl:if test="exists($dates)">, <time datetime="{$dates[1]}"><xsl:value-of select="$dates[1]"/></time>
            to <time datetime="{$dates[last()]}"><xsl:value-of select="$dates[last()]"/></time></xsl:if>;
          <xsl:value-of select="$turns"/> turns;
          <xsl:value-of select="count(distinct-values($summaries/tt:participant/@key))"/> participants.
        </p>
        <div class="table-tools">
          <label for="records-filter">Filter records</label>
          <input type="search" id="records-filter" data-filter="records" placeholder="name, title or date"/>
          <span class="filter-count" aria-live="polite" data-count-for="records"></span>
        </div>
        <table id="records" class="records sortable">
          <caption class="visually-hidden">All records, sortable by each column</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort="ascending"><button type="button" data-sort="0">Date</button></th>
              <th scope="col"><button type="button" data-sort="1">Title</button></th>
              <th scope="col"><button type="button" data-sort="2">Participants</button></th>
              <th scope="col"><button type="button" data-sort="3" data-type="number">Turns</button></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$summaries">
              <xsl:comment select="'tt:row', @n"/>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Persons -->

  <xsl:template name="tt:persons-page">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="'Persons'"/>
      <xsl:with-param name="current" select="'persons'"/>
      <xsl:with-param name="content">
        <h1>Persons</h1>
        <div class="table-tools">
          <label for="persons-filter">Filter persons</label>
          <input type="search" id="persons-filter" data-filter="persons" placeholder="name or role"/>
          <span class="filter-count" aria-live="polite" data-count-for="persons"></span>
        </div>
        <div id="persons" class="persons">
          <xsl:for-each select="$person-keys">
            <xsl:sort select="lower-case(tt:display-name(.))"/>
            <xsl:variable name="listed" select="key('tt:person', ., $input)"/>
            <section class="person-entry" id="{.}" data-filter-item="">
              <h2><xsl:value-of select="tt:display-name(.)"/></h2>
              <xsl:variable name="variants" select="distinct-values($listed/tei:persName[position() gt 1] ! normalize-space())"/>
              <xsl:if test="exists($variants)">
                <p class="variants"><span class="label">Also written </span><xsl:value-of select="$variants" separator="; "/></p>
              </xsl:if>
              <xsl:if test="$listed/(tei:nationality | tei:occupation | tei:roleName | tei:affiliation)">
                <p class="roles">
                  <xsl:value-of select="$listed/(tei:nationality | tei:occupation | tei:roleName | tei:affiliation) ! normalize-space()" separator=" · "/>
                </p>
              </xsl:if>
              <!-- Where the person is, one item per record (site_part.xsl makes it). -->
              <xsl:variable name="appearances" select="key('tt:appears', ., $summary-tree)"/>
              <xsl:choose>
                <xsl:when test="empty($appearances)"><p class="none">Not in any record of this edition.</p></xsl:when>
                <xsl:otherwise>
                  <ul class="appearances">
                    <xsl:for-each select="$appearances">
                      <xsl:sort select="../@date"/>
                      <xsl:sort select="../@name"/>
                      <xsl:comment select="'tt:appearance', ../@n, @n"/>
                    </xsl:for-each>
                  </ul>
                </xsl:otherwise>
              </xsl:choose>
            </section>
          </xsl:for-each>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Search -->

  <xsl:template name="tt:search-page">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="scripts" select="'search-index.js', 'search.js'"/>
      <xsl:with-param name="content">
        <h1>Search the turns</h1>
        <form id="search-form" class="search-form" role="search">
          <p>
            <label for="search-query">Words</label>
            <input type="search" id="search-query" name="q" autocomplete="off"/>
          </p>
          <p>
            <label for="search-speaker">Speaker</label>
            <select id="search-speaker" name="speaker">
              <option value="">Anyone</option>
            </select>
          </p>
          <p>
            <label for="search-from">From</label>
            <input type="date" id="search-from" name="from"/>
          </p>
          <p>
            <label for="search-to">To</label>
            <input type="date" id="search-to" name="to"/>
          </p>
          <p><button type="submit">Search</button></p>
        </form>
        <p id="search-status" aria-live="polite">Type words to search <xsl:value-of select="sum($summaries/@turns)"/> turns.</p>
        <ol id="search-results" class="search-results"></ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
