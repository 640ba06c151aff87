import{E as e,Et as t,H as n,Mr as r,_r as i,a,b as o,c as s,g as c,h as l,hr as u,l as d,m as f,n as p,r as m,s as h,t as g,u as _,y as v,yt as y}from"./index-DHQSTR2Z.js";import{t as b}from"./descriptions-tgjc8GD8.js";import{t as x}from"./input-number-CcdGAFhu.js";import{n as S,t as C}from"./work-DBGKldBP.js";import{t as ee}from"./progress-B0lHni1y.js";import{t as w}from"./space-CHX-bpgn.js";import{n as T,t as E}from"./StatusTag-BBNXJrz1.js";var D=r(n(),1),O=p(),k={PENDING:`purple`,ACCEPTED:`success`,REJECTED:`error`},A=h(`
  query TaskPage($code: String!) {
    task(code: $code) {
      id
      code
      title
      description
      status
      progress
      priority
      startDate
      deadline
      isOverdue
      acceptanceCriteria
      requirement {
        id
        code
        title
      }
      assignee {
        id
        displayName
      }
      executingDepartment {
        id
        name
        nameEn
      }
      progressUpdates {
        id
        percent
        summary
        problems
        supportNeeded
        createdAt
        author {
          id
          displayName
        }
      }
      results {
        id
        note
        decision
        decisionComment
        createdAt
        decidedBy {
          id
          displayName
        }
      }
      comments {
        id
        body
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`),j=h(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),M=h(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),N=h(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),P=h(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),F=h(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function I(){let{code:n=``}=f(),{t:r,language:p}=s(),{message:h}=y.useApp(),{viewer:I}=g(),{data:L,loading:R,error:z}=i(A,{variables:{code:n}}),B=i(C),V=[A,C],[H]=u(j,{refetchQueries:V}),[U]=u(M,{refetchQueries:V}),[W]=u(N,{refetchQueries:V}),[G]=u(P,{refetchQueries:V}),[K]=u(F,{refetchQueries:[A]}),[q]=o.useForm(),[J]=o.useForm(),[Y]=o.useForm(),[X]=o.useForm();if(z){let e=m(z)===`NOT_FOUND`;return(0,O.jsx)(c,{status:e?`404`:`error`,title:a(z,r,p)})}let Z=L?.task;if(!Z)return(0,O.jsx)(e,{loading:R});let Q=async(e,t)=>{try{await e(),h.success(r(`task.done`)),t?.resetFields()}catch(e){h.error(a(e,r,p))}},$=Z.assignee?.id===I.id,te=B.data?.myWork.acceptances.some(e=>e.id===Z.id)??!1;return(0,O.jsxs)(w,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,O.jsxs)(w,{wrap:!0,align:`center`,children:[(0,O.jsx)(l.Title,{level:1,style:{fontSize:22,margin:0},children:Z.title}),(0,O.jsx)(E,{status:Z.status}),Z.isOverdue&&(0,O.jsx)(T,{color:`red`,children:r(`task.overdue`)})]}),(0,O.jsx)(e,{size:`small`,children:(0,O.jsxs)(b,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,O.jsx)(b.Item,{label:r(`task.code`),children:Z.code}),(0,O.jsx)(b.Item,{label:r(`task.requirement`),children:Z.requirement&&(0,O.jsx)(_,{to:`/requirements/${Z.requirement.code}`,children:Z.requirement.title})}),(0,O.jsx)(b.Item,{label:r(`task.assignee`),children:Z.assignee?.displayName}),(0,O.jsx)(b.Item,{label:r(`task.department`),children:p===`en`?Z.executingDepartment?.nameEn:Z.executingDepartment?.name}),(0,O.jsx)(b.Item,{label:r(`task.deadline`),children:Z.deadline?(0,D.default)(Z.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,O.jsx)(b.Item,{label:r(`task.percent`),children:(0,O.jsx)(ee,{percent:Z.progress,size:`small`,style:{minWidth:120}})}),Z.description&&(0,O.jsx)(b.Item,{label:r(`task.description`),span:{xs:1,md:2,xl:3},children:Z.description}),Z.acceptanceCriteria&&(0,O.jsx)(b.Item,{label:r(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:Z.acceptanceCriteria})]})}),$&&Z.status===`PENDING`&&(0,O.jsx)(t,{type:`primary`,onClick:()=>void Q(()=>H({variables:{id:Z.id}})),children:r(`task.start`)}),$&&Z.status===`IN_PROGRESS`&&(0,O.jsx)(e,{size:`small`,title:r(`task.progress`),children:(0,O.jsxs)(o,{form:q,layout:`vertical`,onFinish:e=>void Q(()=>U({variables:{input:{taskId:Z.id,...e}}}),q),children:[(0,O.jsx)(o.Item,{label:r(`task.percent`),name:`percent`,initialValue:Z.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,O.jsx)(x,{min:0,max:100,addonAfter:`%`})}),(0,O.jsx)(o.Item,{label:r(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(v.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(o.Item,{label:r(`task.problems`),name:`problems`,initialValue:``,children:(0,O.jsx)(v.TextArea,{autoSize:!0})}),(0,O.jsx)(o.Item,{label:r(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,O.jsx)(v.TextArea,{autoSize:!0})}),(0,O.jsx)(t,{type:`primary`,htmlType:`submit`,children:r(`task.report`)})]})}),$&&Z.status===`IN_PROGRESS`&&(0,O.jsx)(e,{size:`small`,title:r(`task.submitResult`),children:(0,O.jsxs)(o,{form:J,layout:`vertical`,onFinish:e=>void Q(()=>W({variables:{input:{taskId:Z.id,note:e.note}}}),J),children:[(0,O.jsx)(o.Item,{label:r(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(v.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(t,{type:`primary`,htmlType:`submit`,children:r(`task.submitResult`)})]})}),te&&(0,O.jsx)(e,{size:`small`,title:r(`work.acceptances`),children:(0,O.jsxs)(o,{form:Y,layout:`vertical`,children:[(0,O.jsx)(o.Item,{label:r(`task.decision`),name:`comment`,children:(0,O.jsx)(v.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(w,{children:[!0,!1].map(e=>(0,O.jsx)(t,{type:e?`primary`:`default`,danger:!e,onClick:()=>void Q(()=>G({variables:{input:{taskId:Z.id,accept:e,comment:Y.getFieldValue(`comment`)??``}}})),children:r(e?`task.accept`:`task.rejectResult`)},String(e)))})]})}),(0,O.jsx)(e,{size:`small`,title:r(`task.updates`),children:(0,O.jsx)(S,{size:`small`,dataSource:Z.progressUpdates,locale:{emptyText:(0,O.jsx)(l.Text,{type:`secondary`,children:r(`common.none`)})},renderItem:e=>(0,O.jsx)(S.Item,{children:(0,O.jsx)(S.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),Z.results.length>0&&(0,O.jsx)(e,{size:`small`,title:r(`task.results`),children:(0,O.jsx)(S,{size:`small`,dataSource:Z.results,renderItem:e=>(0,O.jsx)(S.Item,{children:(0,O.jsxs)(w,{direction:`vertical`,size:0,children:[(0,O.jsxs)(w,{children:[(0,O.jsx)(T,{color:k[e.decision],children:d(r,`result`,e.decision)}),(0,O.jsx)(l.Text,{children:e.note})]}),e.decisionComment&&(0,O.jsxs)(l.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,O.jsxs)(e,{size:`small`,title:r(`task.comments`),children:[(0,O.jsx)(S,{size:`small`,dataSource:Z.comments,locale:{emptyText:(0,O.jsx)(l.Text,{type:`secondary`,children:r(`common.none`)})},renderItem:e=>(0,O.jsx)(S.Item,{children:(0,O.jsx)(S.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,D.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,O.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,O.jsxs)(o,{form:X,layout:`vertical`,onFinish:e=>void Q(()=>K({variables:{input:{taskId:Z.id,body:e.body}}}),X),children:[(0,O.jsx)(o.Item,{name:`body`,label:r(`task.addComment`),rules:[{required:!0,whitespace:!0}],children:(0,O.jsx)(v.TextArea,{autoSize:{minRows:2}})}),(0,O.jsx)(t,{htmlType:`submit`,children:r(`task.addComment`)})]})]})]})}export{I as default};